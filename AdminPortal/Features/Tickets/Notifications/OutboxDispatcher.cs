using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Notifications.Dispatch;
using AdminPortal.Features.Notifications.Email;
using AdminPortal.Features.Operations;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Tickets.Notifications;

/// <summary>
/// Delivers outbox events: ticket and moderation events become notifications for the people concerned (never the
/// person who acted), as each one's notification settings allow (events and channels, <see cref="NotificationDelivery"/>);
/// e-mail rows are sent through the SMTP server. Rows are claimed FOR UPDATE SKIP LOCKED and marked processed in the
/// same transaction as the notifications they produce: each event is handled once. A failure leaves the row pending
/// with its error, retried by the next passes up to <see cref="MaxAttempts"/> times.
/// Besides its periodic pass it is woken by the change feed when a change that writes outbox rows was committed on any
/// instance (tickets, products, an outbox retry, another worker's pass), so a notification follows its event within the
/// feed's latency instead of up to one interval later; every instance wakes, SKIP LOCKED gives each row to one.
/// A pass that filled its batch or wrote e-mail rows wakes the next one at once.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory, IChangeFeed feed, TimeProvider clock,
    IOptions<TicketsOptions> options, IOptions<SmtpOptions> smtp, EmailSender email, ILogger<OutboxDispatcher> log,
    WorkerPassLog? passes = null) : PeriodicPass(clock, log, passes)
{
    public const int MaxAttempts = 5;

    private IDisposable? _wakes;

    /// <summary>The changes whose transactions write outbox rows (a false wake costs one indexed, empty SELECT).</summary>
    public static bool WritesOutbox(ChangeEvent change) =>
        change.EntityType is EntityTypes.Ticket or EntityTypes.Product or OutboxConsole.EntityType
        || (change.EntityType == WorkerPassLog.EntityType && change.EntityId != "outbox");

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _wakes = feed.Subscribe(WritesOutbox, _ => { Wake(); return Task.CompletedTask; });
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _wakes?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _wakes?.Dispose();
        base.Dispose();
    }

    /// <summary>One pass: returns how many events were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var messages = await db.Set<OutboxMessage>().FromSqlInterpolated($"""
            SELECT * FROM helpdesk.outbox
            WHERE processed_at IS NULL AND attempts < {MaxAttempts}
            ORDER BY created_at, id
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var notified = new HashSet<int>();
        foreach (var m in messages)
        {
            m.Attempts++;
            try
            {
                if (m.EventType == NotificationEvents.EmailType)
                    await email.SendAsync(m.Payload.Deserialize<EmailMessage>() ?? throw new JsonException("An empty e-mail."), ct);
                else
                    notified.UnionWith(await NotificationDelivery.AddAsync(db, await PlanAsync(db, m, ct), smtp.Value, now, ct));
                m.ProcessedAt = now;
                m.LastError = null;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException
                                           or FormatException or IOException or SocketException or TimeoutException
                                           or MailKit.ProtocolException or MailKit.CommandException
                                           or MailKit.Security.AuthenticationException or MimeKit.ParseException)
            {
                m.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                Log.LogWarning(ex, "Outbox event {Id} ({Type}) failed", m.Id, m.EventType);
            }
        }
        var wroteMail = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (wroteMail || messages.Count == batch)
            Wake();
        foreach (var userId in notified)
            await feed.PublishAsync(new ChangeEvent(NotificationFeed.EntityType, userId.ToString(CultureInfo.InvariantCulture), ChangeActions.Created), ct);
        return messages.Count;
    }

    private static Task<List<PlannedNotification>> PlanAsync(PortalDbContext db, OutboxMessage m, CancellationToken ct) =>
        m.EventType switch
        {
            NotificationEvents.SuggestionDecidedType => ModerationRecipients.DecidedAsync(db, m, ct),
            NotificationEvents.SuggestionsWaitingType => ModerationRecipients.WaitingAsync(db, m, ct),
            _ => TicketRecipients.ForAsync(db, m, ct),
        };

    protected override int IntervalSeconds => options.Value.OutboxIntervalSeconds;

    protected override string PassName => "Outbox";

    protected override async Task PassAsync(CancellationToken ct) => Count("handled", await RunOnceAsync(ct));
}
