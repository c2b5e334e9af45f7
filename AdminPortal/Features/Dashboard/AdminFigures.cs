using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Identity;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.List;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Live;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The admin's own figures: users by status and platform and new registrations (the users rollup; the list counts
/// the same: not deleted), holders of each role, and the portal's health (outbox, escalation worker, live feed).
/// </summary>
public sealed class AdminFigures(IDbContextFactory<PortalDbContext> dbFactory, ReadDbContextFactory reads, ActorResolver actors, TimeProvider clock,
    EscalationWorker escalation, IChangeFeed feed)
{
    public const int ChartDays = 30;

    public static string Url(UserListQuery query) => "/users" + query.ToQueryString();

    /// <param name="afterChange">A reload after a change event: from the primary (decision 0041).</param>
    public async Task<IReadOnlyList<FigureTile>> UserTilesAsync(ClaimsPrincipal user, bool afterChange = false,
        CancellationToken ct = default)
    {
        await actors.RequireAsync(user, Permission.ManageUsers, ct);
        await using var db = await reads.CreateDbContextAsync(user, afterChange, ct);
        var kept = await db.Set<UserDay>().AsNoTracking().Where(d => !d.Deleted)
            .GroupBy(d => new { d.Status, d.Platform }).Select(g => new { g.Key.Status, g.Key.Platform, Users = g.Sum(d => d.Users) })
            .ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.User!.DeletedAt == null)
            .GroupBy(r => r.Role!.Name).Select(g => new { Role = g.Key, Users = g.Select(r => r.UserId).Distinct().Count() })
            .ToListAsync(ct);
        var tiles = new List<FigureTile>();
        foreach (var status in Enum.GetValues<PlatformUserStatus>())
            tiles.Add(new($"status-{EnumText.Of(status)}", $"Users {EnumText.Of(status)}",
                DashboardDays.Count(kept.Where(k => k.Status == status).Sum(k => k.Users)), Url(new UserListQuery(Status: status))));
        foreach (var platform in Enum.GetValues<PlatformType>())
            tiles.Add(new($"platform-{EnumText.Of(platform)}", $"Registered on {EnumText.Of(platform)}",
                DashboardDays.Count(kept.Where(k => k.Platform == platform).Sum(k => k.Users)), Url(new UserListQuery(Platform: platform))));
        foreach (var role in PortalRoles.All.Where(r => r != PortalRoles.User))
            tiles.Add(new($"role-{role.ToLowerInvariant()}", $"Holding {role}",
                DashboardDays.Count(roles.FirstOrDefault(r => r.Role == role)?.Users ?? 0), Url(new UserListQuery(Role: role))));
        return tiles;
    }

    public async Task<IReadOnlyList<FigureTile>> HealthTilesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await actors.RequireAsync(user, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outbox = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ProcessedAt == null)
            .GroupBy(m => m.Attempts >= OutboxDispatcher.MaxAttempts).Select(g => new { Failed = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var instances = feed is PostgresChangeFeed
            ? await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name LIKE 'AdminPortal.Live:%'").SingleAsync(ct)
            : 1;
        var last = escalation.LastPassAt;
        var ago = last is { } at ? DashboardDays.Duration(clock.GetUtcNow() - at) + " ago" : "not run here";
        return
        [
            new("outbox-pending", "Outbox pending", DashboardDays.Count(outbox.Where(o => !o.Failed).Sum(o => o.Count))),
            new("outbox-failed", "Outbox failed", DashboardDays.Count(outbox.Where(o => o.Failed).Sum(o => o.Count)),
                Note: $"gave up after {OutboxDispatcher.MaxAttempts} attempts"),
            new("escalation", "Escalation worker", ago, Note: escalation.LastPassFailed ? "last pass failed" : "last pass on this instance"),
            new("live-feed", "Live feed", feed.IsListening ? "Listening" : "Reconnecting",
                Note: feed is PostgresChangeFeed ? "PostgreSQL LISTEN/NOTIFY" : "in-process (one instance)"),
            new("instances", "Instances connected", DashboardDays.Count(instances)),
        ];
    }

    public async Task<IReadOnlyList<ChartFigure>> ChartsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await actors.RequireAsync(user, Permission.ManageUsers, ct);
        var days = DashboardDays.Last(DashboardDays.Today(clock), ChartDays);
        var from = days[0];
        await using var db = await reads.CreateDbContextAsync(user, ct);
        var rows = await db.Set<UserDay>().AsNoTracking().Where(d => d.Day >= from)
            .GroupBy(d => d.Day).Select(g => new { Day = g.Key, Users = g.Sum(d => d.Users) }).ToListAsync(ct);
        return
        [
            new("registrations", $"New registrations per day, last {ChartDays} days", days.Select(DashboardDays.Label).ToList(),
                [new ChartLine("Registrations", days.Select(d => (double)(rows.FirstOrDefault(r => r.Day == d)?.Users ?? 0)).ToArray())], "line"),
        ];
    }
}
