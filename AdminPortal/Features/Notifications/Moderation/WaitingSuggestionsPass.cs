using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Notifications.Moderation;

/// <summary>
/// Announces suggestions that have waited longer than <see cref="NotificationsOptions.SuggestionWaitingHours"/>: one
/// outbox row per pass that finds new ones, which the dispatcher turns into one notification per moderator. Once
/// across instances: the pass holds a transaction-scoped advisory lock (another instance's pass skips), and reads its
/// high-water mark (the last row's cutoff) under it, so a suggestion is announced once however many instances run.
/// </summary>
public sealed class WaitingSuggestionsPass(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock,
    IOptions<NotificationsOptions> options, ILogger<WaitingSuggestionsPass> log) : PeriodicPass(clock, log)
{
    private const long LockKey = 0x4E6F74_5761_6974;   // "NotWait"

    /// <summary>One pass: how many suggestions it announced (0 also when another instance holds the pass).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var cutoff = now - TimeSpan.FromHours(Math.Max(0, options.Value.SuggestionWaitingHours));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
        if (!locked)
            return 0;
        var last = await db.Database.SqlQuery<DateTime?>($"""
            SELECT (payload->>'cutoff')::timestamptz AS "Value" FROM helpdesk.outbox
            WHERE event_type = {NotificationEvents.SuggestionsWaitingType} ORDER BY id DESC LIMIT 1
            """).SingleOrDefaultAsync(ct);
        var waiting = db.Set<Product>().AsNoTracking()
            .Where(p => p.PublishingStatus == PublishingStatus.Suggestion && p.CreatedAt <= cutoff);
        if (last is { } since)
            waiting = waiting.Where(p => p.CreatedAt > since);
        var count = await waiting.CountAsync(ct);
        if (count == 0)
            return 0;
        var oldest = await waiting.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        db.Add(SuggestionOutbox.Waiting(cutoff, count, oldest, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Log.LogInformation("{Count} suggestions have waited longer than {Hours} h", count, options.Value.SuggestionWaitingHours);
        return count;
    }

    protected override int IntervalSeconds => options.Value.WaitingPassIntervalSeconds;

    protected override string PassName => "Waiting suggestions";

    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);
}
