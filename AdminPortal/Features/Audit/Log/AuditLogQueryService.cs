using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Identity;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Audit.Log;

/// <summary>One record of the log as the page and the export show it (before/after as JSON text).</summary>
public sealed record AuditRow(long Id, DateTime At, int? ActorId, string ActorName, string Action, string EntityType,
    string EntityId, string? Reason, string? ClientAddress, string? Before, string? After)
{
    public AuditCursor Cursor => new(At, Id);
}

/// <summary>A page of the log, newest first; <see cref="Older"/> is where the next page starts (null: the end).</summary>
public sealed record AuditRecords(IReadOnlyList<AuditRow> Rows, AuditCursor? Older, string? Notice = null);

/// <summary>
/// Reads the audit log for admins (<see cref="Permission.ReadAuditLog"/>): filters on the indexes of
/// <c>audit.audit_log</c> (actor, action, entity, time), keyset paging newest first, so the first page and every
/// filter cost the same on ten million records as on ten.
/// </summary>
public sealed class AuditLogQueryService(ReadDbContextFactory reads, ActorResolver actors)
{
    /// <param name="afterChange">A reload after a change event: from the primary (decision 0041).</param>
    public async Task<AuditRecords> ReadAsync(ClaimsPrincipal principal, AuditLogQuery query, TimeZoneInfo zone,
        bool afterChange = false, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.ReadAuditLog, ct);
        await using var db = await reads.CreateDbContextAsync(principal, afterChange, ct);
        var filtered = await FilterAsync(db, query, zone, ct);
        if (filtered is null)
            return new AuditRecords([], null, $"No user has the e-mail address {query.Actor}.");
        var rows = await Page(filtered, query.Before).Take(query.PageSize + 1).Select(Projection).ToListAsync(ct);
        var shown = rows.Take(query.PageSize).Select(ToRow).ToList();
        return new AuditRecords(shown, rows.Count > query.PageSize ? shown[^1].Cursor : null);
    }

    /// <summary>Every record the filters match, newest first, streamed (the export: its endpoint checks the caller).</summary>
    internal async IAsyncEnumerable<AuditRow> StreamAsync(PortalDbContext db, AuditLogQuery query, TimeZoneInfo zone,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var filtered = await FilterAsync(db, query, zone, ct);
        if (filtered is null)
            yield break;
        await foreach (var raw in Page(filtered, null).Select(Projection).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToRow(raw);
    }

    /// <summary>The filters as a query; null when the actor is an e-mail address nobody has.</summary>
    private static async Task<IQueryable<AuditLogEntry>?> FilterAsync(PortalDbContext db, AuditLogQuery query,
        TimeZoneInfo zone, CancellationToken ct)
    {
        var q = db.Set<AuditLogEntry>().AsNoTracking();
        switch (query.Actor)
        {
            case null:
                break;
            case AuditLogQuery.System:
                q = q.Where(a => a.ActorId == null);
                break;
            case var text when int.TryParse(text, out var id):
                q = q.Where(a => a.ActorId == id);
                break;
            case var email:
                var normalized = email.ToUpperInvariant();
                var userId = await db.Set<PortalUser>().Where(u => u.NormalizedEmail == normalized)
                    .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                if (userId is null)
                    return null;
                q = q.Where(a => a.ActorId == userId);
                break;
        }
        if (query.Action is { } action)
        {
            if (query.ActionIsKind)
            {
                // a range on the (action, at) index: every action that starts with "product." (C collation order)
                var end = action[..^1] + (char)(action[^1] + 1);
                q = q.Where(a => string.Compare(a.Action, action) >= 0 && string.Compare(a.Action, end) < 0);
            }
            else
                q = q.Where(a => a.Action == action);
        }
        if (query.EntityType is { } type)
            q = q.Where(a => a.EntityType == type);
        if (query.EntityId is { } entityId)
            q = q.Where(a => a.EntityId == entityId);
        if (query.From is { } from)
        {
            var start = Utc(from, zone);
            q = q.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Utc(to.AddDays(1), zone);
            q = q.Where(a => a.At < end);
        }
        return q;
    }

    /// <summary>Newest first, from just older than <paramref name="before"/>: (at, id) &lt; (cursor), written so the
    /// time index bounds the scan.</summary>
    private static IQueryable<AuditLogEntry> Page(IQueryable<AuditLogEntry> q, AuditCursor? before)
    {
        if (before is { } c)
            q = q.Where(a => a.At <= c.At && (a.At < c.At || a.Id < c.Id));
        return q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    /// <summary>Midnight of <paramref name="date"/> in the viewer's zone, as UTC.</summary>
    public static DateTime Utc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditLogEntry, RawRow>> Projection = a =>
        new RawRow(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Reason, a.ClientAddress, a.Before, a.After);

    private sealed record RawRow(long Id, DateTime At, int? ActorId, string ActorName, string Action, string EntityType,
        string EntityId, string? Reason, string? ClientAddress, JsonDocument? Before, JsonDocument? After);

    private static AuditRow ToRow(RawRow r)
    {
        var row = new AuditRow(r.Id, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.ActorId, r.ActorName, r.Action,
            r.EntityType, r.EntityId, r.Reason, r.ClientAddress, r.Before?.RootElement.GetRawText(), r.After?.RootElement.GetRawText());
        r.Before?.Dispose();
        r.After?.Dispose();
        return row;
    }
}
