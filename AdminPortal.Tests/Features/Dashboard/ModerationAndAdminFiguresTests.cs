using System.Globalization;
using AdminPortal.Data.Identity;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Dashboard;

/// <summary>The moderator's and the admin's figures against the same rows counted directly.</summary>
public sealed class ModerationAndAdminFiguresTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ProductTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new ProductTestData(Fixture).SeedAsync();
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<string>();
        for (var i = 0; i < 9; i++)
            ids.Add((await _data.AddAsync(cause: (Cause)(i % 3), created: now.AddHours(-5 - i * 7))).Id);
        await using var scope = Scope();
        var moderation = scope.ServiceProvider.GetRequiredService<ProductModeration>();
        await moderation.DecideAsync(_data.Moderator, new ProductDecision(ids[0], ModerationAction.Approve));
        await moderation.DecideAsync(_data.Moderator, new ProductDecision(ids[1], ModerationAction.Reject, Reason: "Blurry"));
        await moderation.DecideAsync(_data.Moderator2, new ProductDecision(ids[2], ModerationAction.RequestChanges, Reason: "Fix"));
        await moderation.DecideManyAsync(_data.Moderator2, new BulkDecision(ModerationAction.Approve, [ids[3], ids[4]], null, null));
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Moderation_tiles_equal_direct_counts()
    {
        await using var scope = Scope();
        var (tiles, _) = await scope.ServiceProvider.GetRequiredService<ModerationFigures>().TilesAsync(_data.Moderator);
        var t = tiles.ToDictionary(x => x.Key);
        await using var db = await Fixture.CreateDbContextAsync();
        var me = int.Parse(_data.Moderator.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, CultureInfo.InvariantCulture);
        var today = Fixture.Clock.GetUtcNow().UtcDateTime.Date;

        Assert.Equal(N(await db.Set<Product>().CountAsync(p => p.PublishingStatus == PublishingStatus.Suggestion)), t["waiting"].Value);
        Assert.Equal("/products", t["waiting"].Href);
        Assert.Equal(N(await db.Set<AuditLogEntry>().CountAsync(a => a.ActorId == me && a.At >= today
            && (a.Action == "product.approve" || a.Action == "product.reject" || a.Action == "product.request_changes"))), t["mine-today"].Value);
        Assert.Equal("2", t["mine-today"].Value);
        // each of the viewer's tiles opens the queue of those products, every status, with the same count
        var queries = scope.ServiceProvider.GetRequiredService<AdminPortal.Features.Products.Queue.ProductQueryService>();
        Assert.Equal("/products?status=all&decided=today", t["mine-today"].Href);
        Assert.Equal("/products?status=all&decided=week", t["mine-week"].Href);
        foreach (var key in new[] { "mine-today", "mine-week" })
        {
            var view = AdminPortal.Features.Products.Queue.ProductQueueQuery.Parse(t[key].Href![t[key].Href!.IndexOf('?', StringComparison.Ordinal)..]);
            Assert.Equal(t[key].Value, (await queries.GetPageAsync(_data.Moderator, view)).Total.ToString());
        }
        var oldest = await db.Set<Product>().Where(p => p.PublishingStatus == PublishingStatus.Suggestion).MinAsync(p => p.CreatedAt);
        Assert.Equal(DashboardDays.Duration(Fixture.Clock.GetUtcNow().UtcDateTime - oldest), t["oldest"].Value);
    }

    [Fact]
    public async Task Moderation_charts_equal_the_audit_log_counted_directly()
    {
        await using var scope = Scope();
        var charts = await scope.ServiceProvider.GetRequiredService<ModerationFigures>().ChartsAsync(_data.Admin);
        await using var db = await Fixture.CreateDbContextAsync();
        var today = Fixture.Clock.GetUtcNow().UtcDateTime.Date;
        var decisions = await db.Set<AuditLogEntry>().Where(a => a.At >= today && a.At < today.AddDays(1) && a.Action.StartsWith("product.")
            && a.Action != "product.edit" && a.Action != "product.reopen").ToListAsync();
        var perDay = charts.Single(c => c.Key == "decisions-per-day");
        Assert.Equal(decisions.Count(a => a.Action == "product.approve"), perDay.Series[0].Values[^1]);
        Assert.Equal(decisions.Count(a => a.Action == "product.reject"), perDay.Series[1].Values[^1]);
        Assert.Equal(decisions.Count(a => a.Action == "product.request_changes"), perDay.Series[2].Values[^1]);
        var rate = charts.Single(c => c.Key == "approval-by-cause");
        var causes = (await db.Set<Product>().ToListAsync()).ToDictionary(p => p.Id, p => p.Cause);
        foreach (var cause in Enum.GetValues<Cause>())
        {
            var of = decisions.Where(a => causes[a.EntityId] == cause).ToList();
            var expected = of.Count == 0 ? 0 : Math.Round(100.0 * of.Count(a => a.Action == "product.approve") / of.Count, 1);
            Assert.Equal(expected, rate.Series[0].Values[(int)cause]);
        }
        var wait = charts.Single(c => c.Key == "wait-per-week");
        Assert.True(wait.Series[0].Values[^1] > 0);
        Assert.True(wait.Series[1].Values[^1] >= wait.Series[0].Values[^1]);
    }

    [Fact]
    public async Task Chart_rollups_are_kept_by_each_decision_and_a_rebuild_counts_them_the_same()
    {
        async Task<(List<string> Cause, List<string> Wait, List<string> DailyByCause, List<string> DailyByWait)> ReadAsync()
        {
            await using var db = await Fixture.CreateDbContextAsync();
            var daily = await db.Set<ModerationDay>().AsNoTracking().ToListAsync();
            return (
                (await db.Set<ModerationCauseDay>().AsNoTracking().ToListAsync()).Select(r => $"{r.Day}:{r.Cause}:{r.Outcome}={r.Decisions}").Order().ToList(),
                (await db.Set<ModerationWaitDay>().AsNoTracking().ToListAsync()).Select(r => $"{r.Day}:{r.WaitBucket}={r.Decisions}").Order().ToList(),
                daily.GroupBy(r => (r.Day, r.Cause, r.Outcome)).Select(g => $"{g.Key.Day}:{g.Key.Cause}:{g.Key.Outcome}={g.Sum(r => r.Decisions)}").Order().ToList(),
                daily.GroupBy(r => (r.Day, r.WaitBucket)).Select(g => $"{g.Key.Day}:{g.Key.WaitBucket}={g.Sum(r => r.Decisions)}").Order().ToList());
        }

        // the five decisions of the set-up (one each, then a bulk of two), kept by the trigger as they committed
        var kept = await ReadAsync();
        Assert.Equal(5, kept.Cause.Sum(r => int.Parse(r[(r.IndexOf('=') + 1)..], CultureInfo.InvariantCulture)));
        Assert.Equal(5, kept.Wait.Sum(r => int.Parse(r[(r.IndexOf('=') + 1)..], CultureInfo.InvariantCulture)));
        Assert.Equal(kept.DailyByCause, kept.Cause);
        Assert.Equal(kept.DailyByWait, kept.Wait);

        await RollupRebuild.RunAsync(Fixture.Database);
        var rebuilt = await ReadAsync();
        Assert.Equal(kept.Cause, rebuilt.Cause);
        Assert.Equal(kept.Wait, rebuilt.Wait);
    }

    [Fact]
    public async Task Admin_user_tiles_equal_the_users_list_counted_directly()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var vendor = await db.Users.SingleAsync(u => u.Id == _data.VendorA);
            vendor.Status = PlatformUserStatus.Verified;
            vendor.RegistrationPlatform = PlatformType.Dobe;
            (await db.Users.SingleAsync(u => u.Id == _data.VendorB)).DeletedAt = Fixture.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        await using var scope = Scope();
        var figures = scope.ServiceProvider.GetRequiredService<AdminFigures>();
        var tiles = (await figures.UserTilesAsync(_data.Admin)).ToDictionary(t => t.Key);
        await using var check = await Fixture.CreateDbContextAsync();
        foreach (var status in Enum.GetValues<PlatformUserStatus>())
        {
            var tile = tiles[$"status-{AdminPortal.Features.Users.EnumText.Of(status)}"];
            var list = AdminPortal.Features.Users.List.UserListQuery.Parse(tile.Href![tile.Href!.IndexOf('?', StringComparison.Ordinal)..]);
            Assert.Equal(N(await list.Apply(check).CountAsync()), tile.Value);
            Assert.Equal(N(await check.Users.CountAsync(u => u.DeletedAt == null && u.Status == status)), tile.Value);
        }
        Assert.Equal(N(await check.Users.CountAsync(u => u.DeletedAt == null && u.RegistrationPlatform == PlatformType.Dobe)), tiles["platform-dobe"].Value);
        Assert.Equal(N(await check.UserRoles.Where(r => r.Role!.Name == "Moderator" && r.User!.DeletedAt == null).Select(r => r.UserId).Distinct().CountAsync()),
            tiles["role-moderator"].Value);
        var registrations = (await figures.ChartsAsync(_data.Admin)).Single().Series[0].Values[^1];
        var today = Fixture.Clock.GetUtcNow().UtcDateTime.Date;
        Assert.Equal(await check.Users.CountAsync(u => u.CreatedAt >= today && u.CreatedAt < today.AddDays(1)), registrations);
        var health = (await figures.HealthTilesAsync(_data.Admin)).ToDictionary(t => t.Key);
        Assert.Equal("0", health["outbox-failed"].Value);
    }

    [Fact]
    public async Task Staff_and_moderators_are_refused_the_figures_of_others()
    {
        await using var scope = Scope();
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<ModerationFigures>().TilesAsync(_data.Staff));
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<AdminFigures>().UserTilesAsync(_data.Moderator));
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<TicketFigures>().TilesAsync(_data.Moderator));
    }
}
