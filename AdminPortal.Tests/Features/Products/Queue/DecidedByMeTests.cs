using System.Security.Claims;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Data.SqlMigrations;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Products.Queue;

/// <summary>
/// "Decided by me" (decided=today|week): the viewer's own decisions since midnight UTC or since Monday, single and
/// bulk, never another moderator's, never one from before Monday; with the tabs and the other filters.
/// </summary>
public sealed class DecidedByMeTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ProductTestData _data = null!;
    private Product _sunday = null!, _tuesday = null!, _tuesdayBulk = null!, _today = null!, _todayChanges = null!, _other = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new ProductTestData(Fixture).SeedAsync();
        var products = new List<Product>();
        for (var i = 0; i < 6; i++)
            products.Add(await _data.AddAsync());
        (_sunday, _tuesday, _tuesdayBulk, _today, _todayChanges, _other) =
            (products[0], products[1], products[2], products[3], products[4], products[5]);

        // a week at least a week ahead of the shared clock (it only moves forward): Sunday night, Tuesday, Wednesday noon
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var monday = DecidedBy.Start(DecidedWindow.Week, now).AddDays(14);
        await DecideAtAsync(monday.AddHours(-1), _data.Moderator, _sunday.Id, ModerationAction.Approve);
        await DecideAtAsync(monday.AddDays(1).AddHours(10), _data.Moderator, _tuesday.Id, ModerationAction.Reject);
        Fixture.Clock.SetUtcNow(monday.AddDays(1).AddHours(11));
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<ProductModeration>()
                .DecideManyAsync(_data.Moderator, new BulkDecision(ModerationAction.Approve, [_tuesdayBulk.Id], null, null));
        await DecideAtAsync(monday.AddDays(2).AddHours(12), _data.Moderator, _today.Id, ModerationAction.Approve);
        await DecideAtAsync(monday.AddDays(2).AddHours(12).AddMinutes(1), _data.Moderator, _todayChanges.Id,
            ModerationAction.RequestChanges, "Sharper photos, please.");
        await DecideAtAsync(monday.AddDays(2).AddHours(12).AddMinutes(2), _data.Moderator2, _other.Id, ModerationAction.Approve);
    }

    private async Task DecideAtAsync(DateTime at, ClaimsPrincipal who, string id, ModerationAction action, string? reason = null)
    {
        Fixture.Clock.SetUtcNow(at);
        await using var scope = Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ProductModeration>()
            .DecideAsync(who, new ProductDecision(id, action, Reason: reason ?? (action == ModerationAction.Reject ? "Blurry" : null)));
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(ClaimsPrincipal who, string url, bool afterChange = false)
    {
        await using var scope = Scope();
        var queries = scope.ServiceProvider.GetRequiredService<ProductQueryService>();
        var query = ProductQueueQuery.Parse(url);
        var page = afterChange ? await queries.GetPageAfterChangeAsync(who, query) : await queries.GetPageAsync(who, query);
        Assert.Equal(page.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Total.ToString());
        return page.Rows.Select(r => r.Id).Order().ToList();
    }

    private static IReadOnlyList<string> Ids(params Product[] products) => products.Select(p => p.Id).Order().ToList();

    [Theory]
    [InlineData("", false)]
    [InlineData("&desc=true", true)]
    [InlineData("&sort=title", false)]
    [InlineData("&sort=title&desc=true", true)]
    public async Task The_decided_products_sorted_apart_from_the_sort_index_keep_the_chosen_order(string sort, bool descending)
    {
        await using var scope = Scope();
        var page = await scope.ServiceProvider.GetRequiredService<ProductQueryService>()
            .GetPageAsync(_data.Moderator, ProductQueueQuery.Parse("?status=all&decided=week" + sort));
        var byTitle = sort.Contains("title", StringComparison.Ordinal);
        var expected = (byTitle ? page.Rows.OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.SubmittedAt)
                                : page.Rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal)).Select(r => r.Id).ToList();
        if (descending && !byTitle)
            expected.Reverse();
        else if (descending)
            expected = page.Rows.OrderByDescending(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.SubmittedAt).Select(r => r.Id).ToList();
        Assert.Equal(4, page.Rows.Count);
        Assert.Equal(expected, page.Rows.Select(r => r.Id).ToList());
    }

    [Fact]
    public async Task The_decided_ids_are_read_from_the_decisions_own_index_alone()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var since = DecidedBy.Start(DecidedWindow.Week, Fixture.Clock.GetUtcNow().UtcDateTime);
        var moderatorId = await db.Users.Where(u => u.Email == "moderator@adminportal.demo").Select(u => u.Id).SingleAsync();
        await using var command = ProductFilters.Decisions(db, new DecidedBy(moderatorId, since)).CreateDbCommand();
        Assert.Contains("'product.request_changes'", command.CommandText, StringComparison.Ordinal);   // constants: the predicate is proven

        // a handful of rows here: the table scans are taken off so the plan shows what the index can serve
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off");
        command.Connection = db.Database.GetDbConnection();
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));
        Assert.True(plan.Any(line => line.Contains("Index Only Scan", StringComparison.Ordinal) && line.Contains(AuditDecisionsIndex.Name, StringComparison.Ordinal)),
            $"the read of the decided ids is not index-only on {AuditDecisionsIndex.Name}:\n{string.Join("\n", plan)}\n{sql}");
    }

    [Fact]
    public async Task Today_shows_the_viewers_decisions_since_midnight_utc_of_any_kind()
    {
        Assert.Equal(Ids(_today, _todayChanges), await IdsAsync(_data.Moderator, "?status=all&decided=today"));
        Assert.Equal(Ids(_other), await IdsAsync(_data.Moderator2, "?status=all&decided=today"));
    }

    [Fact]
    public async Task This_week_starts_on_monday_and_holds_bulk_decisions_but_not_sundays_nor_another_moderators()
    {
        Assert.Equal(Ids(_tuesday, _tuesdayBulk, _today, _todayChanges), await IdsAsync(_data.Moderator, "?status=all&decided=week"));
        Assert.Equal(Ids(_other), await IdsAsync(_data.Moderator2, "?status=all&decided=week"));
        Assert.Empty(await IdsAsync(_data.Admin, "?status=all&decided=week"));
    }

    [Fact]
    public async Task It_combines_with_the_status_tab_and_the_other_filters()
    {
        Assert.Equal(Ids(_tuesdayBulk, _today), await IdsAsync(_data.Moderator, "?status=published&decided=week"));
        Assert.Equal(Ids(_tuesday), await IdsAsync(_data.Moderator, "?status=rejected&decided=week"));
        Assert.Empty(await IdsAsync(_data.Moderator, "?decided=week"));   // the default tab: none of them waits any more
        Assert.Equal(Ids(_today), await IdsAsync(_data.Moderator, $"?status=all&decided=today&q={Uri.EscapeDataString(_today.Title)}"));

        await using var scope = Scope();
        var tabs = await scope.ServiceProvider.GetRequiredService<ProductQueryService>()
            .CountTabsAsync(_data.Moderator, ProductQueueQuery.Parse("?status=all&decided=week"));
        Assert.Equal(("4", "2", "1", "1", "0"), (tabs["all"].ToString(), tabs["published"].ToString(), tabs["rejected"].ToString(),
            tabs["draft"].ToString(), tabs["suggestion"].ToString()));
    }

    [Fact]
    public async Task A_reload_after_a_live_change_is_never_shared_between_viewers()
    {
        Assert.Equal(Ids(_today, _todayChanges), await IdsAsync(_data.Moderator, "?status=all&decided=today", afterChange: true));
        Assert.Equal(Ids(_other), await IdsAsync(_data.Moderator2, "?status=all&decided=today", afterChange: true));
        await using var scope = Scope();
        var tabs = await scope.ServiceProvider.GetRequiredService<ProductQueryService>()
            .CountTabsAfterChangeAsync(_data.Moderator2, ProductQueueQuery.Parse("?status=all&decided=today"));
        Assert.Equal("1", tabs["all"].ToString());
    }

    [Theory]
    [InlineData("?status=all&decided=week")]
    [InlineData("?status=published&decided=week")]
    [InlineData("?status=all&decided=today&sort=price&desc=1")]
    public async Task The_decisions_read_ahead_filter_as_the_decisions_read_in_the_statement(string url)
    {
        var query = ProductQueueQuery.Parse(url);
        var moderatorId = int.Parse(_data.Moderator.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var by = DecidedBy.For(query, moderatorId, Fixture.Clock)!;
        await using var db = await Fixture.CreateDbContextAsync();
        var ahead = await ProductFilters.DecidedIdsAsync(db, by, default);
        Assert.NotNull(ahead);
        Assert.NotNull(ahead.Ids);
        Assert.Null(await ProductFilters.DecidedIdsAsync(db, null, default));   // not a "decided by me" view
        Assert.Same(ahead, await ProductFilters.DecidedIdsAsync(db, ahead, default));   // read once

        async Task<List<string>> PageAsync(DecidedBy decided) =>
            await ProductFilters.Order(ProductFilters.Apply(db.Set<Product>(), query, db, decided), query, db).Select(p => p.Id).ToListAsync();
        var inStatement = await PageAsync(by);
        Assert.NotEmpty(inStatement);
        Assert.Equal(inStatement, await PageAsync(ahead));
    }

    [Fact]
    public async Task The_viewer_comes_from_the_sign_in_and_staff_are_refused()
    {
        await using var scope = Scope();
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() => scope.ServiceProvider
            .GetRequiredService<ProductQueryService>().GetPageAsync(_data.Staff, ProductQueueQuery.Parse("?status=all&decided=week")));
        // a user id in the URL is not a parameter of this filter: it is read and dropped
        Assert.Equal(Ids(_other), await IdsAsync(_data.Moderator2, $"?status=all&decided=today&moderator={_data.Moderator.FindFirstValue(ClaimTypes.NameIdentifier)}"));
    }
}
