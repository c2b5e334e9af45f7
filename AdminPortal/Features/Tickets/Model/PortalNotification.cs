using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>Portal: an in-app notification (bell menu), e.g. "Ticket #42 was assigned to you".</summary>
public class PortalNotification
{
    public long Id { get; set; }

    /// <summary>Recipient, ON DELETE CASCADE.</summary>
    public int UserId { get; set; }
    public PortalUser? User { get; set; }

    /// <summary>What happened ("ticket.assigned", "ticket.escalated").</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>Portal-relative link ("/tickets/42").</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}
