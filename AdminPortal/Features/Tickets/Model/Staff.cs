using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve staff (helpdesk.staff): the people tickets are assigned to.</summary>
public class Staff
{
    /// <summary>SST-Resolve staff.id (serial; tickets.assigned_to points here).</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve staff.user_id (uuid there; int FK to auth.users here), unique, ON DELETE CASCADE.</summary>
    public int UserId { get; set; }
    public PortalUser? User { get; set; }

    /// <summary>SST-Resolve staff.full_name.</summary>
    public required string FullName { get; set; }

    /// <summary>SST-Resolve staff hostel (null: serves every hostel).</summary>
    public int? HostelId { get; set; }
    public Hostel? Hostel { get; set; }

    /// <summary>Portal: whether the person takes new tickets.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Portal: most open tickets auto-assignment gives this person; null = no limit.</summary>
    public int? MaxOpenLoad { get; set; }

    /// <summary>SST-Resolve staff.created_at.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>SST-Resolve staff.updated_at.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
