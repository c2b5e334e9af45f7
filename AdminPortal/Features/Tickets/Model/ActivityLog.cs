using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve activity_logs: the ticket's timeline ("status_change", "assigned", "escalated", ...).</summary>
public class ActivityLog
{
    /// <summary>SST-Resolve activity_logs.id (bigint: the table grows with every action).</summary>
    public long Id { get; set; }

    /// <summary>SST-Resolve activity_logs.ticket_id, ON DELETE CASCADE.</summary>
    public int TicketId { get; set; }

    /// <summary>Portal: who acted (int FK to auth.users); null for the system (escalation worker).</summary>
    public int? ActorId { get; set; }
    public PortalUser? Actor { get; set; }

    /// <summary>SST-Resolve activity_logs.action, varchar(64).</summary>
    public required string Action { get; set; }

    /// <summary>Portal: details of the action as jsonb ({"from":"OPEN","to":"IN_PROGRESS"}).</summary>
    public JsonDocument? Details { get; set; }

    /// <summary>SST-Resolve activity_logs.created_at.</summary>
    public DateTime CreatedAt { get; set; }
}
