namespace AdminPortal.Features.Chats;

/// <summary>chat.messages: Deed-O messages with the chat app's edit time, and the portal's moderation fields.</summary>
public class Message
{
    public Guid Id { get; set; }

    /// <summary>Deed-O messages.sender_id (ON DELETE CASCADE).</summary>
    public int SenderId { get; set; }

    /// <summary>Deed-O messages.group_id; chat app conversation_id.</summary>
    public Guid GroupId { get; set; }

    /// <summary>Deed-O messages.text; chat app content.</summary>
    public string? Text { get; set; }

    /// <summary>Deed-O messages.attachments jsonb default '[]'.</summary>
    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>Deed-O messages.read_by. Who read it and when is in <see cref="MessageReceipt"/>.</summary>
    public int[] ReadBy { get; set; } = [];

    /// <summary>Deed-O messages.timestamp; chat app created_at.</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>Chat app messages.updated_at: set when edited.</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>Portal: when a moderator hid the message, who, and why.</summary>
    public DateTime? HiddenAt { get; set; }

    public int? HiddenBy { get; set; }
    public string? HiddenReason { get; set; }
}
