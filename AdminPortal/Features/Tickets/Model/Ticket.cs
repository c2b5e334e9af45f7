using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve tickets (helpdesk.tickets), plus the hostel scope and SLA pause the portal's triage needs.</summary>
public class Ticket : Queue.ITicketSortKeys
{
    /// <summary>SST-Resolve tickets.id (serial: short, user-friendly numbers).</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve tickets.title, varchar(255).</summary>
    public string? Title { get; set; }

    /// <summary>SST-Resolve tickets.description.</summary>
    public string? Description { get; set; }

    /// <summary>SST-Resolve tickets.status, default 'OPEN'.</summary>
    public TicketStatus Status { get; set; }

    /// <summary>SST-Resolve tickets.category_id.</summary>
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>SST-Resolve subcategory (the seed's categories have many subcategories; the ticket names one).</summary>
    public int? SubcategoryId { get; set; }
    public Subcategory? Subcategory { get; set; }

    /// <summary>SST-Resolve tickets.created_by (uuid there; int FK to auth.users here), ON DELETE CASCADE.</summary>
    public int CreatedBy { get; set; }
    public PortalUser? Creator { get; set; }

    /// <summary>SST-Resolve tickets.assigned_to -> staff, ON DELETE SET NULL.</summary>
    public int? AssignedTo { get; set; }
    public Staff? Assignee { get; set; }

    /// <summary>
    /// Portal: the hostel the ticket belongs to, as a foreign key. SST keeps it only as metadata->>'hostel' (a
    /// snapshot string); scoped authorisation and the queue's index need a checked id. Both are kept.
    /// </summary>
    public int? HostelId { get; set; }
    public Hostel? Hostel { get; set; }

    /// <summary>SST-Resolve tickets.location, varchar(255) (snapshot).</summary>
    public string? Location { get; set; }

    /// <summary>SST-Resolve tickets.metadata jsonb (snapshot: {"hostel":"Neeladri","room":"B-214","floor":2}).</summary>
    public JsonDocument? Metadata { get; set; }

    /// <summary>SST-Resolve tickets.attachments jsonb.</summary>
    public JsonDocument? Attachments { get; set; }

    /// <summary>SST-Resolve tickets.escalation_level, default 0, CHECK &gt;= 0.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>SST-Resolve tickets.last_escalation_at.</summary>
    public DateTime? LastEscalationAt { get; set; }

    /// <summary>SST-Resolve tickets.due_at (TAT).</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Portal: when the SLA clock was paused (status AWAITING_STUDENT_RESPONSE); null while it runs.</summary>
    public DateTime? PausedAt { get; set; }

    /// <summary>SST-Resolve tickets.created_at, default now().</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>SST-Resolve tickets.updated_at, default now().</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>SST-Resolve tickets.resolved_at.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public List<Comment> Comments { get; set; } = [];
}
