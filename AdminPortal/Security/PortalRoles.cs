namespace AdminPortal.Security;

public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";
    public const string Staff = "Staff";

    /// <summary>Platform users: present in the data, never allowed into the portal.</summary>
    public const string User = "User";

    public static readonly string[] All = [Admin, Moderator, Staff, User];

    /// <summary>Roles that may sign in to the portal.</summary>
    public static readonly string[] Portal = [Admin, Moderator, Staff];
}

public static class ScopeDomains
{
    public const string Hostel = "hostel";
    public const string Category = "category";
}
