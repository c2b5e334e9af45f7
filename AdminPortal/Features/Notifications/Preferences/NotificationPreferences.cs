using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdminPortal.Data;
using AdminPortal.Features.Notifications.Email;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Notifications.Preferences;

/// <summary>One event switch as the page shows it.</summary>
public sealed record EventChoice(string Key, string Label, string Description, bool On);

/// <summary>One channel switch; <see cref="Unavailable"/> says why it cannot deliver here (null: it can).</summary>
public sealed record ChannelChoice(string Key, string Label, bool On, string? Unavailable);

public sealed record PreferencesView(IReadOnlyList<EventChoice> Events, IReadOnlyList<ChannelChoice> Channels);

/// <summary>What the form sends: the switches by key (events and channels).</summary>
public sealed record PreferencesInput(IReadOnlyDictionary<string, bool> Events, IReadOnlyDictionary<string, bool> Channels);

/// <summary>
/// The signed-in person's notification settings (auth.notification_settings, one row per user): the channel columns
/// and, in the preferences jsonb, one switch per event (other keys another app wrote there are kept). Only the events
/// the person's permissions can produce are offered; a channel with no sender here (Slack, push; e-mail without
/// Smtp:Host) is shown unavailable and its stored switch is left as it is.
/// </summary>
public sealed class NotificationPreferences(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    public const string EventsField = "events";
    public const string ChannelsField = "channels";

    public async Task<PreferencesView> ReadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var me = await actors.RequireAsync(principal, Permission.ViewDashboard, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<NotificationSetting>().AsNoTracking().SingleOrDefaultAsync(x => x.UserId == me.Id, ct);
        return View(me, s);
    }

    public async Task<Outcome> SaveAsync(ClaimsPrincipal principal, PreferencesInput input, CancellationToken ct = default)
    {
        var me = await actors.RequireAsync(principal, Permission.ViewDashboard, ct);
        var offered = Offered(me).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        if (input.Events.Keys.FirstOrDefault(k => !offered.Contains(k)) is not null)
            return Outcome.Refused("That is not a notification you can switch on or off.", EventsField);
        if (input.Channels.Keys.FirstOrDefault(k => NotificationChannels.All.All(c => c.Key != k)) is not null)
            return Outcome.Refused("That is not a notification channel.", ChannelsField);
        var blocked = input.Channels.Where(c => c.Value && Unavailable(c.Key) is not null).Select(c => c.Key).FirstOrDefault();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<NotificationSetting>().SingleOrDefaultAsync(x => x.UserId == me.Id, ct);
        if (blocked is not null && !(Stored(s, blocked)))
            return Outcome.Refused($"{NotificationChannels.All.First(c => c.Key == blocked).Label} is not available: {Unavailable(blocked)}", ChannelsField);
        var before = View(me, s);
        if (s is null)
            db.Add(s = new NotificationSetting { UserId = me.Id });
        var prefs = s.Preferences?.RootElement.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(s.Preferences.RootElement.GetRawText())!.AsObject() : [];
        foreach (var (key, on) in input.Events)
            prefs[key] = on;
        s.Preferences = JsonSerializer.SerializeToDocument(prefs);
        foreach (var (key, on) in input.Channels.Where(c => Unavailable(c.Key) is null))
            switch (key)
            {
                case NotificationChannels.InApp: s.InAppEnabled = on; break;
                case NotificationChannels.Email: s.EmailEnabled = on; break;
            }
        s.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var after = View(me, s);
        audit.Add(db, me.ToAudit(), "notification.preferences", EntityTypes.User, me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Switches(before), Switches(after));
        await db.SaveChangesAsync(ct);
        return Outcome.Done("Notification preferences saved.");
    }

    /// <summary>Why a channel cannot deliver on this portal; null when it can.</summary>
    private string? Unavailable(string channel) => channel switch
    {
        NotificationChannels.InApp => null,
        NotificationChannels.Email => smtp.Value.Configured ? null : "no SMTP server is configured for this portal (Smtp:Host).",
        _ => "this portal has no sender for it.",
    };

    private static IEnumerable<NotificationEvent> Offered(PortalActor me) => NotificationEvents.All.Where(e => me.Has(e.Needs));

    private static bool Stored(NotificationSetting? s, string channel) => channel switch
    {
        NotificationChannels.Email => s?.EmailEnabled ?? true,
        NotificationChannels.Slack => s?.SlackEnabled ?? true,
        NotificationChannels.Push => s?.PushEnabled ?? true,
        _ => s?.InAppEnabled ?? true,
    };

    private PreferencesView View(PortalActor me, NotificationSetting? s) => new(
        Offered(me).Select(e => new EventChoice(e.Key, e.Label, e.Description, Dispatch.NotificationDelivery.EventOn(s, e.Key))).ToList(),
        NotificationChannels.All.Select(c => new ChannelChoice(c.Key, c.Label, Stored(s, c.Key), Unavailable(c.Key))).ToList());

    private static Dictionary<string, bool> Switches(PreferencesView v) =>
        v.Events.Select(e => KeyValuePair.Create(e.Key, e.On)).Concat(v.Channels.Select(c => KeyValuePair.Create("channel." + c.Key, c.On)))
            .ToDictionary();
}
