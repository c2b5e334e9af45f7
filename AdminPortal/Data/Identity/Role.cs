namespace AdminPortal.Data.Identity;

/// <summary>SST-Resolve roles: the portal's roles (Admin, Moderator, Staff, User).</summary>
public class Role
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}
