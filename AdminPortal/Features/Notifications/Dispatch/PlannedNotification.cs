namespace AdminPortal.Features.Notifications.Dispatch;

/// <summary>What one event tells one person, before their preferences decide the channels.</summary>
public sealed record PlannedNotification(int UserId, string Kind, string Title, string Link);
