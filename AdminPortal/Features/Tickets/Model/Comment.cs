using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve comments (users have many comments): a reply to the student or an internal note.</summary>
public class Comment
{
    /// <summary>SST-Resolve comments.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve comments.ticket_id, ON DELETE CASCADE.</summary>
    public int TicketId { get; set; }
    public Ticket? Ticket { get; set; }

    /// <summary>SST-Resolve comments.author (int FK to auth.users); null once the author's account is deleted.</summary>
    public int? AuthorId { get; set; }
    public PortalUser? Author { get; set; }

    /// <summary>SST-Resolve comments.body.</summary>
    public required string Body { get; set; }

    /// <summary>Portal: true for an internal note staff see, false for a reply the student sees.</summary>
    public bool IsInternal { get; set; }

    /// <summary>SST-Resolve comments.created_at.</summary>
    public DateTime CreatedAt { get; set; }
}
