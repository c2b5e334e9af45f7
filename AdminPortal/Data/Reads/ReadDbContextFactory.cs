using System.Security.Claims;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace AdminPortal.Data.Reads;

/// <summary>
/// Contexts for the reads of lists, searches, dashboards and reports (decision 0041). With no
/// ConnectionStrings:PortalReadOnly they are the primary's contexts, exactly as before. With one, they read from a
/// standby (no tracking), unless the reader wrote within <see cref="RecentWrites.Window"/> and the standby has not
/// replayed that write yet, or no standby answers: then from the primary. Writes, security checks, the change feed and
/// the reloads that follow a change event keep using <see cref="IDbContextFactory{PortalDbContext}"/> (the primary).
/// </summary>
public sealed class ReadDbContextFactory(IDbContextFactory<PortalDbContext> primary, ReadReplica? replica = null,
    RecentWrites? writes = null)
{
    /// <summary>Whether a read-only connection string is configured.</summary>
    public bool HasReplica => replica is not null;

    public Task<PortalDbContext> CreateDbContextAsync(ClaimsPrincipal reader, CancellationToken ct = default) =>
        CreateDbContextAsync(reader.UserId(), ct);

    /// <summary>
    /// As <see cref="CreateDbContextAsync(ClaimsPrincipal, CancellationToken)"/>, but a reload after a change event
    /// (<paramref name="afterChange"/>) reads from the primary: a standby may not have replayed that change yet, and no
    /// second event would come to correct a screen that read before it.
    /// </summary>
    public Task<PortalDbContext> CreateDbContextAsync(ClaimsPrincipal reader, bool afterChange, CancellationToken ct = default) =>
        afterChange ? primary.CreateDbContextAsync(ct) : CreateDbContextAsync(reader.UserId(), ct);

    public async Task<PortalDbContext> CreateDbContextAsync(int? readerId, CancellationToken ct = default)
    {
        if (replica is null)
            return await primary.CreateDbContextAsync(ct);
        NpgsqlLogSequenceNumber? mustSee = null;
        if (writes is not null && writes.IsPending(readerId, out var lsn))
            mustSee = lsn ?? new NpgsqlLogSequenceNumber(ulong.MaxValue);   // a position unknown: only the primary has it
        return await replica.TryOpenAsync(mustSee, ct) ?? await primary.CreateDbContextAsync(ct);
    }
}
