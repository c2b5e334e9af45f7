namespace AdminPortal.Features.Chats.Group;

/// <summary>Where a keyset page starts: the (timestamp, id) of the last message seen.</summary>
public sealed record MessageCursor(DateTime Timestamp, Guid Id);

/// <summary>Who hid a message, when and why (shown to moderators, collapsed).</summary>
public sealed record HiddenInfo(DateTime At, string? ByName, string Reason);

/// <summary>One message as the browser shows it: only the shown columns.</summary>
public sealed record MessageView(Guid Id, int SenderId, string SenderName, string? Text,
    IReadOnlyList<Attachment> Attachments, DateTime Timestamp, DateTime? EditedAt, int ReadCount, int DeliveredCount,
    HiddenInfo? Hidden)
{
    public MessageCursor Cursor => new(Timestamp, Id);
}

/// <summary>Messages oldest first, and whether there are more beyond them in the direction asked.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasMore);

/// <summary>A window around one message: older and newer neighbours, oldest first.</summary>
public sealed record MessageWindowPage(IReadOnlyList<MessageView> Messages, bool HasOlder, bool HasNewer, Guid? FocusId);

/// <summary>One search result inside a group.</summary>
public sealed record MessageHit(Guid Id, DateTime Timestamp, string SenderName, string Text);

/// <summary>
/// One step of a search inside a group: hits newest first; <see cref="ContinueFrom"/> where the next step starts
/// (null: the search reached the group's first message); <see cref="SearchedBackTo"/> set when the step stopped at
/// its scan limit rather than at a full page of hits.
/// </summary>
public sealed record MessageSearchPage(IReadOnlyList<MessageHit> Hits, MessageCursor? ContinueFrom, DateTime? SearchedBackTo);

/// <summary>One member's receipt of one message.</summary>
public sealed record ReceiptView(int UserId, string Name, DateTime? DeliveredAt, DateTime? ReadAt);
