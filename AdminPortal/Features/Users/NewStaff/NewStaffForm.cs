using AdminPortal.Security;

namespace AdminPortal.Features.Users.NewStaff;

/// <summary>The new staff account as typed: its fields, the roles ticked, and the hostels or categories of Staff.</summary>
public sealed class NewStaffForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public bool Admin { get; set; }
    public bool Moderator { get; set; }
    public bool Staff { get; set; }
    public IReadOnlyCollection<int> Hostels { get; set; } = [];
    public IReadOnlyCollection<int> Categories { get; set; } = [];

    /// <summary>What the service is asked to create. Staff without a hostel or category is Staff everywhere.</summary>
    public StaffAccounts.Input ToInput()
    {
        var roles = new List<RoleAssignments.Grant>();
        if (Admin) roles.Add(new(PortalRoles.Admin));
        if (Moderator) roles.Add(new(PortalRoles.Moderator));
        if (Staff)
        {
            var scoped = Hostels.Select(h => new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Hostel, h))
                .Concat(Categories.Select(c => new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Category, c))).ToList();
            roles.AddRange(scoped.Count > 0 ? scoped : [new(PortalRoles.Staff)]);
        }
        return new StaffAccounts.Input(Email, Name, Phone, roles);
    }
}
