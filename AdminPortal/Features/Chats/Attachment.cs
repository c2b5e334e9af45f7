namespace AdminPortal.Features.Chats;

/// <summary>One element of messages.attachments: Deed-O's url and type, the chat app's name and size for files.</summary>
public sealed record Attachment(string Url, AttachmentType Type, string? Name = null, long? Size = null);
