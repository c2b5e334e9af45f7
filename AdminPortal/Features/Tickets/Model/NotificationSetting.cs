using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>
/// The one notification-settings table (auth.notification_settings), per the seeds README: SST-Resolve
/// notification_settings united with the chat app's notification_preferences. One row per user.
/// </summary>
public class NotificationSetting
{
    /// <summary>SST-Resolve notification_settings.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve notification_settings.user_id (uuid there; int FK to auth.users here), one row per user.</summary>
    public int UserId { get; set; }
    public PortalUser? User { get; set; }

    /// <summary>SST-Resolve notification_settings.email_enabled and chat app channels.email, default true.</summary>
    public bool EmailEnabled { get; set; } = true;

    /// <summary>SST-Resolve notification_settings.slack_enabled, default true.</summary>
    public bool SlackEnabled { get; set; } = true;

    /// <summary>Chat app notification_preferences.channels.in_app, default true.</summary>
    public bool InAppEnabled { get; set; } = true;

    /// <summary>Chat app notification_preferences.channels.push, default true.</summary>
    public bool PushEnabled { get; set; } = true;

    /// <summary>
    /// SST-Resolve notification_settings.preferences jsonb (granular settings) and the chat app's
    /// notification_preferences.types (per-type switches such as {"message": true, "friend_request": false}): one object.
    /// </summary>
    public JsonDocument? Preferences { get; set; }

    /// <summary>Chat app notification_preferences.updated_at.</summary>
    public DateTime UpdatedAt { get; set; }
}
