using System.Globalization;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Data.Rollups;

/// <summary>
/// The live counters of the "now" tiles (decision 0023) against the tickets counted directly, across the day boundary
/// the overdue count splits at (days before today from reporting.ticket_due, today's on the tickets), in each
/// viewer's scope: staff of hostel A never count hostel B, whose tickets sit at every edge too.
/// </summary>
public sealed class LiveCounterTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private TicketTestData _desk = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _desk = await TicketTestData.CreateAsync(Fixture);
        // 09:00 on the fixture's clock: today started nine hours ago
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var todayStart = now.Date;
        DateTime[] edges =
        [
            todayStart.AddDays(-3), todayStart.AddTicks(-10), todayStart, todayStart.AddMinutes(1), now.AddTicks(-10), now,
            now.AddMinutes(30), todayStart.AddDays(1).AddTicks(-10), todayStart.AddDays(1), now.AddHours(24).AddTicks(-10),
            now.AddHours(24), now.AddDays(3),
        ];
        foreach (var (hostel, staff) in new[] { (_desk.HostelA, _desk.StaffA), (_desk.HostelB, _desk.StaffB) })
            foreach (var (due, i) in edges.Select((d, i) => (d, i)))
                await _desk.TicketAsync(Fixture, hostel, (i % 3) switch { 0 => TicketStatus.Open, 1 => TicketStatus.InProgress, _ => TicketStatus.AwaitingStudentResponse },
                    i % 2 == 0 ? staff : null, due, category: i % 4 == 0 ? _desk.Mess : _desk.Maintenance);
        // paused while running (the clock stops on the pause time, whatever the status): never overdue
        var paused = await _desk.TicketAsync(Fixture, _desk.HostelA, TicketStatus.Open, null, todayStart.AddDays(-1));
        await using var db = await Fixture.CreateDbContextAsync();
        await db.Set<Ticket>().Where(t => t.Id == paused.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.PausedAt, now.AddDays(-2)));
    }

    private async Task<Dictionary<string, string>> TilesAsync(System.Security.Claims.ClaimsPrincipal who)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<TicketFigures>().TilesAsync(who)).ToDictionary(t => t.Key, t => t.Value);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The tiles' figures counted on the tickets, for one hostel (or all) and, for staff, their own tickets.</summary>
    private async Task AssertTilesEqualDirectCountsAsync(System.Security.Claims.ClaimsPrincipal who, int? hostel, int? staffId)
    {
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var tiles = await TilesAsync(who);
        await using var db = await Fixture.CreateDbContextAsync();
        var open = db.Set<Ticket>().AsNoTracking().Where(t => TicketStatuses.Active.Contains(t.Status));
        var scoped = hostel is { } h ? open.Where(t => t.HostelId == h || t.AssignedTo == staffId) : open;
        Assert.Equal(N(await scoped.CountAsync(t => t.DueAt < now && t.PausedAt == null && t.Status != TicketStatus.AwaitingStudentResponse)), tiles["overdue"]);
        Assert.Equal(N(await scoped.CountAsync(t => t.DueAt >= now && t.DueAt < now.AddHours(24))), tiles["due-24h"]);
        Assert.Equal(N(await scoped.CountAsync(t => t.AssignedTo == null)), tiles["unassigned"]);
        foreach (var level in new[] { 1, 2 })
            if (tiles.TryGetValue($"escalated-{level}", out var value))
                Assert.Equal(N(await scoped.CountAsync(t => t.EscalationLevel == level)), value);
        if (staffId is { } me)
            Assert.Equal(N(await open.CountAsync(t => t.AssignedTo == me)), tiles["my-open"]);
    }

    [Fact]
    public async Task Tiles_equal_direct_counts_at_every_edge_of_today_and_the_next_24_hours()
    {
        await AssertTilesEqualDirectCountsAsync(_desk.AsStaffA, _desk.HostelA.Id, _desk.StaffA.Id);
        await AssertTilesEqualDirectCountsAsync(_desk.AsStaffB, _desk.HostelB.Id, _desk.StaffB.Id);
        await AssertTilesEqualDirectCountsAsync(_desk.AsAdmin, null, null);
        // hostel A alone, counted by hand: 3 days ago and just before midnight (counters), 00:01 and just before 09:00
        // (on the tickets); the ones due at midnight and at 09:00 are awaiting the student, the paused one is not overdue
        var tiles = await TilesAsync(_desk.AsStaffA);
        Assert.Equal("4", tiles["overdue"]);
    }

    [Fact]
    public async Task Tiles_follow_the_clock_without_a_change_to_the_tickets()
    {
        // two hours on: the tickets due at 09:00 and 09:30 are overdue now (today's, counted on the tickets); a day on,
        // yesterday's come from the counters
        foreach (var step in new[] { TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromDays(2) })
        {
            Fixture.Clock.Advance(step);
            await AssertTilesEqualDirectCountsAsync(_desk.AsStaffA, _desk.HostelA.Id, _desk.StaffA.Id);
            await AssertTilesEqualDirectCountsAsync(_desk.AsAdmin, null, null);
        }
    }

    [Fact]
    public async Task Counters_follow_assigns_escalations_pauses_moves_resolutions_and_deletes()
    {
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var ids = await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
            await db.Set<Ticket>().Where(t => t.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(t => t.AssignedTo, _desk.StaffA.Id));
            await db.Set<Ticket>().Where(t => t.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(t => t.EscalationLevel, 2));
            await db.Set<Ticket>().Where(t => t.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(t => t.PausedAt, now));
            await db.Set<Ticket>().Where(t => t.Id == ids[3]).ExecuteUpdateAsync(s => s.SetProperty(t => t.HostelId, _desk.HostelB.Id));
            await db.Set<Ticket>().Where(t => t.Id == ids[4]).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TicketStatus.Resolved).SetProperty(t => t.ResolvedAt, now));
            await db.Set<Ticket>().Where(t => t.Id == ids[5]).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, now.AddDays(-5)));
            await db.Set<Ticket>().Where(t => t.Id == ids[6]).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, (DateTime?)null));
            await db.Set<Ticket>().Where(t => t.Id == ids[7]).ExecuteDeleteAsync();
            await db.Set<Ticket>().Where(t => t.Id == ids[8]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed));
            await db.Set<Ticket>().Where(t => t.Id == ids[8]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Reopened));
        }
        await AssertTilesEqualDirectCountsAsync(_desk.AsStaffA, _desk.HostelA.Id, _desk.StaffA.Id);
        await AssertTilesEqualDirectCountsAsync(_desk.AsStaffB, _desk.HostelB.Id, _desk.StaffB.Id);
        await AssertTilesEqualDirectCountsAsync(_desk.AsAdmin, null, null);
        var kept = await SnapshotAsync();
        await RollupRebuild.RunAsync(Fixture.Database);
        Assert.Equal(kept, await SnapshotAsync());
    }

    [Fact]
    public async Task No_counter_row_stays_at_zero()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<Ticket>().ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed));
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.Empty(await check.Set<OpenTicketCount>().ToListAsync());
        Assert.Empty(await check.Set<DueTicketCount>().ToListAsync());
        Assert.Equal("0", (await TilesAsync(_desk.AsAdmin))["overdue"]);
    }

    /// <summary>The live counters' rows as text, sorted.</summary>
    public static async Task<List<string>> LiveRowsAsync(AdminPortal.Data.PortalDbContext db)
    {
        var rows = new List<string>();
        rows.AddRange((await db.Set<OpenTicketCount>().AsNoTracking().ToListAsync())
            .Select(r => $"o:{r.HostelId}:{r.CategoryId}:{r.StaffId}:{r.Status}:{r.EscalationLevel}={r.Tickets}"));
        rows.AddRange((await db.Set<DueTicketCount>().AsNoTracking().ToListAsync())
            .Select(r => $"d:{r.HostelId}:{r.CategoryId}:{r.StaffId}:{r.Running}:{r.DueDay:yyyy-MM-dd}={r.Tickets}"));
        rows.AddRange((await db.Set<ProductStatusCount>().AsNoTracking().ToListAsync())
            .Select(r => $"p:{r.Status}:{r.Cause}={r.Products}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await LiveRowsAsync(db);
    }
}
