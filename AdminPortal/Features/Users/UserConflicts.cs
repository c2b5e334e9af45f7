using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>Says who changed a user first, what and when, from the audit log.</summary>
public static class UserConflicts
{
    public static async Task<Outcome> DescribeAsync(IDbContextFactory<PortalDbContext> dbFactory, int userId,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var last = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == UserAuditActions.EntityType && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.ActorName, a.Action, a.At })
            .FirstOrDefaultAsync(ct);
        var who = last is null
            ? "Someone changed this user since you opened the page"
            : $"{last.ActorName} {UserAuditActions.Describe(last.Action)}";
        return Outcome.Conflict($"{who}. Nothing of yours was saved: reload to see the current state, then try again.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }
}
