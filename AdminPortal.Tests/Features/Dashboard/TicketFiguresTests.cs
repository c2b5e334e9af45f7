using System.Globalization;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Dashboard;

/// <summary>Every ticket figure against the same tickets counted directly; staff of hostel A never count hostel B.</summary>
public sealed class TicketFiguresTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private TicketTestData _desk = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        // the same mix in both hostels, hostel B with more of each so a leak would show
        foreach (var (hostel, copies) in new[] { (_desk.HostelA, 1), (_desk.HostelB, 2) })
            for (var c = 0; c < copies; c++)
            {
                var staff = hostel == _desk.HostelA ? _desk.StaffA : _desk.StaffB;
                await _desk.TicketAsync(Fixture, hostel, dueAt: now.AddHours(-3));                       // overdue, unassigned
                await _desk.TicketAsync(Fixture, hostel, TicketStatus.InProgress, staff, now.AddHours(5)); // due within 24 h, mine
                await _desk.TicketAsync(Fixture, hostel, TicketStatus.AwaitingStudentResponse, staff, now.AddHours(-1)); // paused: not overdue
                await _desk.TicketAsync(Fixture, hostel, TicketStatus.Open, null, now.AddHours(48), category: _desk.Mess);
                var escalated = await _desk.TicketAsync(Fixture, hostel, TicketStatus.Open, staff, now.AddHours(-30));
                // resolved half an hour ago: in time when due in 2 h, late when due 5 h ago (hostel B's second)
                var resolved = await _desk.TicketAsync(Fixture, hostel, TicketStatus.Open, staff, c == 0 ? now.AddHours(2) : now.AddHours(-5));
                await using var db = await Fixture.CreateDbContextAsync();
                await db.Set<Ticket>().Where(t => t.Id == escalated.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.EscalationLevel, 1 + c));
                await db.Set<Ticket>().Where(t => t.Id == resolved.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TicketStatus.Resolved).SetProperty(t => t.ResolvedAt, now.AddMinutes(-30)));
            }
    }

    private async Task<Dictionary<string, string>> TilesAsync(System.Security.Claims.ClaimsPrincipal who)
    {
        await using var scope = Scope();
        var tiles = await scope.ServiceProvider.GetRequiredService<TicketFigures>().TilesAsync(who);
        return tiles.ToDictionary(t => t.Key, t => t.Value);
    }

    private async Task<int> CountAsync(Func<IQueryable<Ticket>, IQueryable<Ticket>> filter, int? hostel)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var q = db.Set<Ticket>().Where(t => TicketStatuses.Active.Contains(t.Status));
        if (hostel is { } h)
            q = q.Where(t => t.HostelId == h);
        return await filter(q).CountAsync();
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Staff_tiles_equal_direct_counts_of_their_own_hostel_only()
    {
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var a = _desk.HostelA.Id;
        var tiles = await TilesAsync(_desk.AsStaffA);

        Assert.Equal(N(await CountAsync(q => q.Where(t => t.AssignedTo == _desk.StaffA.Id), null)), tiles["my-open"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.AssignedTo == null), a)), tiles["unassigned"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.DueAt < now && t.PausedAt == null && t.Status != TicketStatus.AwaitingStudentResponse), a)), tiles["overdue"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.DueAt >= now && t.DueAt < now.AddHours(24)), a)), tiles["due-24h"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.EscalationLevel == 1), a)), tiles["escalated-1"]);
        Assert.Equal("0", tiles["escalated-2"]);   // hostel B's level-2 ticket is not hers
        Assert.Equal("2", tiles["overdue"]);   // hostel A's unassigned and escalated ones; B has four more
        Assert.Equal("3", tiles["my-open"]);   // in progress, awaiting the student, escalated
    }

    [Fact]
    public async Task Admin_tiles_count_every_hostel()
    {
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var tiles = await TilesAsync(_desk.AsAdmin);

        Assert.False(tiles.ContainsKey("my-open"));
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.AssignedTo == null), null)), tiles["unassigned"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.DueAt < now && t.PausedAt == null && t.Status != TicketStatus.AwaitingStudentResponse), null)), tiles["overdue"]);
        Assert.Equal("6", tiles["overdue"]);
        Assert.Equal(N(await CountAsync(q => q.Where(t => t.EscalationLevel == 2), null)), tiles["escalated-2"]);
    }

    [Fact]
    public async Task Charts_equal_direct_counts_in_the_viewers_scope()
    {
        await using var scope = Scope();
        var figures = scope.ServiceProvider.GetRequiredService<TicketFigures>();
        var staffCharts = await figures.ChartsAsync(_desk.AsStaffA);
        var adminCharts = await figures.ChartsAsync(_desk.AsAdmin);
        await using var db = await Fixture.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

        foreach (var (charts, hostel) in new[] { (staffCharts, (int?)_desk.HostelA.Id), (adminCharts, null) })
        {
            var mine = db.Set<Ticket>().AsNoTracking().Where(t => hostel == null || t.HostelId == hostel);
            var perDay = charts.Single(c => c.Key == "created-resolved");
            var (start, end) = (today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var created = await mine.CountAsync(t => t.CreatedAt >= start && t.CreatedAt < end);
            var resolved = await mine.CountAsync(t => t.ResolvedAt >= start && t.ResolvedAt < end);
            Assert.Equal(created, perDay.Series[0].Values[^1]);
            Assert.Equal(resolved, perDay.Series[1].Values[^1]);
            var tat = charts.Single(c => c.Key == "tat-by-category");
            var done = await mine.Where(t => t.ResolvedAt != null && t.CategoryId == _desk.Maintenance.Id).ToListAsync();
            var expected = Math.Round(100.0 * done.Count(t => t.ResolvedAt <= t.DueAt) / done.Count, 1);
            Assert.Equal(expected, tat.Series[0].Values[tat.Labels.ToList().IndexOf("Maintenance")]);
        }
        Assert.Equal(100, staffCharts.Single(c => c.Key == "tat-by-category").Series[0].Values[0]);   // A's one: in time
        Assert.NotEqual(100, adminCharts.Single(c => c.Key == "tat-by-category").Series[0].Values[0]);   // B's are late
    }

    [Fact]
    public async Task Rollup_scope_matches_the_ticket_scope_for_every_row()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var actor = await Scope().ServiceProvider.GetRequiredService<AdminPortal.Security.ActorResolver>().ResolveAsync(_desk.AsStaffA);
        var rules = await TicketScope.ForAsync(db, actor);
        var rows = await db.Set<TicketDay>().AsNoTracking().ToListAsync();
        var kept = await db.Set<TicketDay>().AsNoTracking().Where(TicketFigures.InScope(rules)).ToListAsync();
        Assert.Equal(rows.Where(r => rules.Covers(r.HostelId, r.CategoryId, r.StaffId == 0 ? null : r.StaffId)).Count(), kept.Count);
        Assert.DoesNotContain(kept, r => r.HostelId == _desk.HostelB.Id && r.StaffId != _desk.StaffA.Id);
    }
}
