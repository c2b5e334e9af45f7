using System.Text.Json;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve notification_settings: per-user channels and granular preferences.</summary>
public class NotificationSetting
{
    /// <summary>SST-Resolve notification_settings.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve notification_settings.user_id (uuid there; int FK to auth.users here), one row per user.</summary>
    public int UserId { get; set; }
    public PortalUser? User { get; set; }

    /// <summary>SST-Resolve notification_settings.email_enabled, default true.</summary>
    public bool EmailEnabled { get; set; } = true;

    /// <summary>SST-Resolve notification_settings.slack_enabled, default true.</summary>
    public bool SlackEnabled { get; set; } = true;

    /// <summary>SST-Resolve notification_settings.preferences jsonb (granular settings).</summary>
    public JsonDocument? Preferences { get; set; }
}
