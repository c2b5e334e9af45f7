using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Features.Operations;

/// <summary>
/// Retry or discard an outbox event (admins, with a reason, audited). The row is locked FOR UPDATE NOWAIT: while the
/// dispatcher holds it (FOR UPDATE SKIP LOCKED in its pass) the action is a conflict, so an event being delivered is
/// never retried or discarded under it (no double send). The row version the admin saw (xmin) is checked on the locked
/// row: a row the dispatcher tried again, or another admin changed, meanwhile is a conflict saying who and when.
/// </summary>
public sealed class OutboxConsole(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = "outbox";

    public static readonly ReasonRules Reason = new(3, 500,
        ["Cause fixed, deliver it now", "Recipient no longer exists", "Duplicate event", "Obsolete: nobody needs it now"]);

    /// <summary>Gives a failed event another <see cref="OutboxDispatcher.MaxAttempts"/> attempts from the next pass.</summary>
    public Task<Outcome> RetryAsync(ClaimsPrincipal by, long id, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, id, version, reason, "outbox.retry", "retried", ct, async (db, row, actor, now) =>
        {
            if (row.Attempts < OutboxDispatcher.MaxAttempts)
                return $"It is still being tried ({row.Attempts} of {OutboxDispatcher.MaxAttempts} attempts): the dispatcher will try it again.";
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE helpdesk.outbox SET attempts = 0 WHERE id = {id}", ct);
            return null;
        });

    /// <summary>Drops a pending or failed event: it is never delivered (kept, marked processed, with who and why).</summary>
    public Task<Outcome> DiscardAsync(ClaimsPrincipal by, long id, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, id, version, reason, "outbox.discard", "discarded", ct, async (db, row, actor, now) =>
        {
            var note = $"Discarded by {actor.Name}: {ReasonRules.Normalize(reason)}";
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE helpdesk.outbox SET processed_at = {now}, last_error = {note} WHERE id = {id}", ct);
            return null;
        });

    private async Task<Outcome> ApplyAsync(ClaimsPrincipal by, long id, uint version, string? reason, string action, string verb,
        CancellationToken ct, Func<PortalDbContext, LockedRow, PortalActor, DateTime, Task<string?>> apply)
    {
        var actor = await actors.RequireAsync(by, Permission.OperateSystem, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        LockedRow? row;
        try
        {
            row = (await db.Database.SqlQuery<LockedRow>($"""
                SELECT o.id, o.attempts, o.processed_at, o.last_error, o.xmin::text::bigint AS version
                FROM helpdesk.outbox o WHERE o.id = {id} FOR UPDATE NOWAIT
                """).ToListAsync(ct)).SingleOrDefault();
        }
        catch (Exception ex) when ((ex as PostgresException ?? ex.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return Outcome.Conflict("The dispatcher is delivering this event right now. Reload in a moment to see how it went.");
        }
        if (row is null)
            return Outcome.NotFound("There is no such outbox event.");
        if (row.ProcessedAt is not null || (uint)row.Version != version)
        {
            await tx.RollbackAsync(ct);
            return await ConflictAsync(db, id, row, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await apply(db, row, actor, now) is { } refusal)
            return Outcome.Refused(refusal);
        audit.Add(db, actor.ToAudit(), action, EntityType, Key(id), new { attempts = row.Attempts, lastError = row.LastError },
            action == "outbox.retry" ? new { attempts = 0, lastError = row.LastError } : new { attempts = row.Attempts, lastError = (string?)"discarded" },
            ReasonRules.Normalize(reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityType, Key(id), verb, actor.Id, actor.Name), ct);
        return Outcome.Done(verb == "retried" ? $"Event {id} will be delivered on the next pass." : $"Event {id} discarded.");
    }

    private static async Task<Outcome> ConflictAsync(PortalDbContext db, long id, LockedRow row, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.Action, a.At }).FirstOrDefaultAsync(ct);
        if (last is not null)
            return Outcome.Conflict($"{last.ActorName} {(last.Action == "outbox.retry" ? "retried" : "discarded")} this event first. Nothing of yours was saved.",
                last.ActorName, new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
        return row.ProcessedAt is { } done
            ? Outcome.Conflict("The dispatcher delivered this event meanwhile. Nothing of yours was saved.", "the dispatcher",
                new DateTimeOffset(DateTime.SpecifyKind(done, DateTimeKind.Utc)))
            : Outcome.Conflict($"The dispatcher tried this event again meanwhile ({row.Attempts} attempts now). Reload to see the latest.",
                "the dispatcher");
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record LockedRow(long Id, int Attempts, DateTime? ProcessedAt, string? LastError, long Version);
}
