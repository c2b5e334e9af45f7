using AdminPortal.Features.Team;
using AdminPortal.Security;

namespace AdminPortal.Features.Users.NewStaff;

/// <summary>
/// The new staff account as typed: its fields, the roles ticked, and for Staff the staff profile created with it: the
/// hostel served (also the role's scope), the categories taken with one assignment priority, and the capacity.
/// </summary>
public sealed class NewStaffForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public bool Admin { get; set; }
    public bool Moderator { get; set; }
    public bool Staff { get; set; }
    public int? Hostel { get; set; }
    public IReadOnlyCollection<int> Categories { get; set; } = [];
    public int Priority { get; set; } = 1;
    public int? Capacity { get; set; }

    /// <summary>What the service is asked to create. Staff without a hostel serves every hostel.</summary>
    public StaffAccounts.Input ToInput()
    {
        var roles = new List<RoleAssignments.Grant>();
        if (Admin) roles.Add(new(PortalRoles.Admin));
        if (Moderator) roles.Add(new(PortalRoles.Moderator));
        if (Staff)
            roles.Add(Hostel is { } h ? new(PortalRoles.Staff, ScopeDomains.Hostel, h) : new(PortalRoles.Staff));
        var profile = Staff ? new StaffProfileInput(Hostel, Categories.Select(c => new CategoryPick(c, Priority)).ToList(), Capacity) : null;
        return new StaffAccounts.Input(Email, Name, Phone, roles, profile);
    }
}
