using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Data.Identity;

/// <summary>
/// The one users table (auth.users): the ASP.NET Core Identity user with Deed-O's integer key and profile,
/// extended by the data model with the SST-Resolve and chat-app columns. See docs/data-model.md for each column's seed.
/// </summary>
public partial class PortalUser : IdentityUser<int>
{
    /// <summary>Deed-O users.name, SST-Resolve users.name.</summary>
    public string? Name { get; set; }

    /// <summary>Deed-O users.created_at.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Deed-O users.updated_at.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Deed-O users.deleted_at: soft delete.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public List<UserRole> Roles { get; set; } = [];
}
