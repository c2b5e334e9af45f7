namespace AdminPortal.Features.Notifications;

/// <summary>Configuration section "Notifications".</summary>
public sealed class NotificationsOptions
{
    /// <summary>A suggestion waiting longer than this is announced to the moderators (once).</summary>
    public double SuggestionWaitingHours { get; set; } = 48;

    /// <summary>How often the waiting-suggestions pass looks.</summary>
    public int WaitingPassIntervalSeconds { get; set; } = 300;
}
