using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>Portal: a saved filter of the ticket queue. Owner null = a default view everyone sees.</summary>
public class SavedView
{
    public int Id { get; set; }

    /// <summary>Who saved it (ON DELETE CASCADE); null for the portal's shared defaults.</summary>
    public int? OwnerId { get; set; }
    public PortalUser? Owner { get; set; }

    /// <summary>Label in the queue's view picker; unique per owner.</summary>
    public required string Name { get; set; }

    /// <summary>The queue's URL query string ("status=OPEN&amp;assignee=me"): a view is a bookmarkable link.</summary>
    public required string Query { get; set; }

    /// <summary>Whether other staff see the owner's view.</summary>
    public bool IsShared { get; set; }

    public DateTime CreatedAt { get; set; }
}
