namespace AdminPortal.Features.Notifications;

/// <summary>
/// The channel switches of auth.notification_settings (email_enabled, in_app_enabled, slack_enabled, push_enabled).
/// In-app always works; e-mail only when an SMTP server is configured; Slack and push have no sender in this portal.
/// </summary>
public static class NotificationChannels
{
    public const string InApp = "in_app";
    public const string Email = "email";
    public const string Slack = "slack";
    public const string Push = "push";

    public static readonly IReadOnlyList<(string Key, string Label)> All =
        [(InApp, "In the portal"), (Email, "E-mail"), (Slack, "Slack"), (Push, "Push")];
}
