namespace AdminPortal.Data.Identity;

/// <summary>
/// SST-Resolve user_roles: a role held by a user, optionally scoped to a domain ("hostel", "category") and a scope
/// (the id of that hostel or category, as text). The source of truth for who may do what where.
/// </summary>
public class UserRole
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public PortalUser? User { get; set; }
    public int RoleId { get; set; }
    public Role? Role { get; set; }
    public string? Domain { get; set; }
    public string? Scope { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
