namespace AdminPortal.Features.Chats;

/// <summary>
/// chat.groups: Deed-O groups and the chat app's conversations in one table. A product's group chat is a
/// <see cref="ConversationType.Group"/> with a product; a private conversation has two members and no product.
/// </summary>
public class ChatGroup
{
    public Guid Id { get; set; }

    /// <summary>Deed-O groups.name (NOT NULL); chat app conversations.name.</summary>
    public required string Name { get; set; }

    /// <summary>Chat app conversations.type.</summary>
    public ConversationType Type { get; set; } = ConversationType.Group;

    /// <summary>Deed-O groups.product_id.</summary>
    public string? ProductId { get; set; }

    /// <summary>Deed-O groups.members; chat app conversations.participants.</summary>
    public int[] Members { get; set; } = [];

    /// <summary>Deed-O groups.last_message_id.</summary>
    public Guid? LastMessageId { get; set; }

    /// <summary>Chat app conversations.last_message_at: sorts the chat browser by activity.</summary>
    public DateTime? LastMessageAt { get; set; }

    /// <summary>Chat app conversations.created_by.</summary>
    public int? CreatedBy { get; set; }

    /// <summary>Chat app conversations.is_active.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
