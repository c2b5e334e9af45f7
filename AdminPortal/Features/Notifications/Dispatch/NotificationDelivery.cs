using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Notifications.Email;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications.Dispatch;

/// <summary>
/// Applies each recipient's notification settings to what an event tells them: the event's switch
/// (preferences jsonb, missing = on), then each channel's (in_app_enabled: a row in the centre; email_enabled: an
/// e-mail row in the outbox, only when an SMTP server is configured and the person has an address). Slack and push
/// have no sender here: the preferences page shows them as unavailable.
/// </summary>
public static class NotificationDelivery
{
    /// <summary>Adds the notifications and e-mails to <paramref name="db"/>; returns who got an in-app one.</summary>
    public static async Task<List<int>> AddAsync(PortalDbContext db, IReadOnlyList<PlannedNotification> planned,
        SmtpOptions smtp, DateTime now, CancellationToken ct)
    {
        if (planned.Count == 0)
            return [];
        var ids = planned.Select(p => p.UserId).Distinct().ToList();
        var settings = await db.Set<NotificationSetting>().AsNoTracking().Where(s => ids.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, ct);
        var emails = smtp.Configured
            ? await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
                .ToDictionaryAsync(u => u.Id, u => u.Email!, ct)
            : [];
        var notified = new List<int>();
        foreach (var p in planned)
        {
            var s = settings.GetValueOrDefault(p.UserId);
            if (!EventOn(s, NotificationEvents.ForOutboxType(p.Kind)))
                continue;
            var title = p.Title.Length > 255 ? p.Title[..255] : p.Title;
            if (s?.InAppEnabled ?? true)
            {
                db.Add(new PortalNotification { UserId = p.UserId, Kind = p.Kind, Title = title, Link = p.Link, CreatedAt = now });
                notified.Add(p.UserId);
            }
            if ((s?.EmailEnabled ?? true) && smtp.Configured && emails.TryGetValue(p.UserId, out var to))
                db.Add(new OutboxMessage
                {
                    EventType = NotificationEvents.EmailType,
                    Payload = JsonSerializer.SerializeToDocument(new EmailMessage(to, title, Body(p, smtp))),
                    CreatedAt = now,
                });
        }
        return notified;
    }

    /// <summary>Whether an event's switch is on: a missing key (or no settings row) is on.</summary>
    public static bool EventOn(NotificationSetting? settings, string key) =>
        settings?.Preferences?.RootElement is not { ValueKind: JsonValueKind.Object } prefs
        || !prefs.TryGetProperty(key, out var on) || on.ValueKind != JsonValueKind.False;

    private static string Body(PlannedNotification p, SmtpOptions smtp)
    {
        var link = string.IsNullOrWhiteSpace(smtp.PortalUrl) ? p.Link : smtp.PortalUrl.TrimEnd('/') + p.Link;
        return $"{p.Title}\n\nOpen it in AdminPortal: {link}\n\nYou get this e-mail because e-mail notifications are on in your " +
               "notification preferences (/notifications/preferences).";
    }
}
