using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AdminPortal.Tests.Data.CatalogQueries;

namespace AdminPortal.Tests.Data;

/// <summary>
/// Issue 16, decision 0022: the demo is anchored at the seeding clock's now and looks like a living desk at that moment,
/// deterministically given the anchor.
/// </summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class DemoAnchorTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>A Wednesday afternoon, and a Sunday just after midnight (today has almost no hours yet).</summary>
    public static readonly TheoryData<string> Anchors = new() { Wednesday, "2027-05-02T00:20:00Z" };

    private const string Wednesday = "2027-03-17T14:35:12Z";

    private string Db => Fixture.OwnerConnectionString;

    private async Task<DateTime> SeedAtAsync(string anchor, bool reset = false)
    {
        var at = DateTimeOffset.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture);
        await DemoData.SeedPrivilegedAsync(Fixture.Database, "Development", DemoScale.Demo, reset, CancellationToken.None,
            new FakeTimeProvider(at));
        return at.UtcDateTime;
    }

    /// <summary>Everything dated that the charts count: products decided, tickets created and resolved, users registered.</summary>
    private const string Dated = """
        SELECT at FROM audit.audit_log WHERE action IN ('product.approve', 'product.reject', 'product.request_changes')
        UNION ALL SELECT created_at FROM helpdesk.tickets
        UNION ALL SELECT resolved_at FROM helpdesk.tickets WHERE resolved_at IS NOT NULL
        UNION ALL SELECT created_at FROM auth.users WHERE created_at > $1::timestamptz - interval '90 days'
        """;

    [Theory]
    [MemberData(nameof(Anchors))]
    public async Task History_spans_90_days_before_the_anchor_with_busier_weekdays(string anchor)
    {
        var now = await SeedAtAsync(anchor);
        var (first, last) = (await RowsAsync(Db, $"SELECT min(at), max(at) FROM ({Dated}) d", r => (r.GetDateTime(0), r.GetDateTime(1)), now)).Single();
        Assert.True(last <= now, $"the newest row ({last:o}) is after the anchor");
        Assert.InRange((now - first).TotalDays, 85, 100);
        // per calendar day, each kind of row: weekdays (Mon-Fri) average more than weekend days
        var perDay = await RowsAsync(Db, $"""
            SELECT extract(isodow FROM (at AT TIME ZONE 'UTC')::date) > 5 AS weekend, count(*)::float8 / count(DISTINCT (at AT TIME ZONE 'UTC')::date)
            FROM ({Dated}) d WHERE at < date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
            GROUP BY 1 ORDER BY 1
            """, r => r.GetDouble(1), now);
        Assert.True(perDay[0] > 1.4 * perDay[1], $"weekday {perDay[0]:F1} a day, weekend {perDay[1]:F1}");
        // the charts' 30 days each have decisions and tickets (a trend, not a flat line at zero)
        Assert.True(await ScalarAsync<long>(Db, """
            SELECT count(DISTINCT day) FROM reporting.moderation_daily WHERE day > ($1::timestamptz AT TIME ZONE 'UTC')::date - 30
            """, now) >= 24);
        Assert.True(await ScalarAsync<long>(Db, """
            SELECT count(DISTINCT day) FROM reporting.ticket_daily WHERE measure = 0 AND day > ($1::timestamptz AT TIME ZONE 'UTC')::date - 30
            """, now) >= 28);
    }

    [Theory]
    [MemberData(nameof(Anchors))]
    public async Task About_a_tenth_of_open_tickets_are_overdue_and_the_worker_escalates_a_handful_at_most(string anchor)
    {
        var now = await SeedAtAsync(anchor);
        // overdue as the queue counts it: a running clock past its due time
        var (open, overdue, escalated) = (await RowsAsync(Db, """
            SELECT count(*), count(*) FILTER (WHERE due_at < $1 AND paused_at IS NULL), count(*) FILTER (WHERE escalation_level > 0)
            FROM helpdesk.tickets WHERE status NOT IN ('RESOLVED', 'CLOSED')
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), now)).Single();
        Assert.True(open >= 25, $"{open} open tickets");
        Assert.InRange((double)overdue / open, 0.05, 0.2);
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.tickets WHERE status = 'AWAITING_STUDENT_RESPONSE' AND paused_at IS NOT NULL") > 0);
        // the first pass of the escalation worker at the anchor
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, new FakeTimeProvider(new DateTimeOffset(now)));
        var escalatedNow = await services.GetRequiredService<EscalationWorker>().RunOnceAsync();
        Assert.InRange(escalatedNow.Count, 0, 5);
        // a few escalated: already at seeding time, or by the worker's first pass on the ones that just went overdue
        Assert.True(escalated >= 1 && escalated + escalatedNow.Count >= 2, $"{escalated} escalated, {escalatedNow.Count} by the first pass");
        Assert.Empty(await services.GetRequiredService<EscalationWorker>().RunOnceAsync());
    }

    [Fact]
    public async Task Suggestions_wait_from_hours_to_days_and_titles_fit_their_cause()
    {
        var now = await SeedAtAsync(Wednesday);
        var ages = await ListAsync<double>(Db, """
            SELECT extract(epoch FROM $1::timestamptz - created_at) / 3600 FROM catalog.products WHERE publishing_status = 'suggestion'
            """, now);
        Assert.InRange(ages.Count, 20, 80);
        Assert.InRange(ages.Min(), 0, 6);
        Assert.InRange(ages.Max(), 30, 24 * 7);
        foreach (var (title, cause) in await RowsAsync(Db, "SELECT title, cause::text FROM catalog.products", r => (r.GetString(0), r.GetString(1))))
        {
            var items = CatalogVocabulary.Items(Enum.GetValues<Cause>().Single(c => PgName(c) == cause));
            Assert.True(items.Any(i => title.Contains(i, StringComparison.OrdinalIgnoreCase)), $"\"{title}\" is not a {cause} title");
        }
    }

    [Fact]
    public async Task Chat_messages_are_what_buyers_and_vendors_write_with_links_and_attachments()
    {
        await SeedAtAsync(Wednesday);
        var texts = await ListAsync<string>(Db, "SELECT text FROM chat.messages WHERE text IS NOT NULL AND hidden_at IS NULL");
        Assert.True(texts.Count > 200);
        var openings = ChatVocabulary.Buyer.Concat(ChatVocabulary.Vendor).Concat(ChatVocabulary.Friend)
            .Select(l => l.Split('{')[0]).ToList();
        Assert.All(texts, t => Assert.Contains(openings, o => t.StartsWith(o, StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, t => t.Contains("lorem", StringComparison.OrdinalIgnoreCase) || t.Contains(" et ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("https://deed-o.example/products/", StringComparison.Ordinal));
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM chat.messages WHERE attachments <> '[]'::jsonb") > 20);
        // product titles and descriptions, ticket descriptions: no lorem ipsum either
        Assert.Equal(0L, await ScalarAsync<long>(Db, """
            SELECT (SELECT count(*) FROM catalog.products WHERE description ~* '\m(lorem|ipsum|dolor)\M')
                 + (SELECT count(*) FROM helpdesk.tickets WHERE description ~* '\m(lorem|ipsum|dolor|voluptas)\M')
            """));
    }

    private const string Digest = """
        SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
          SELECT ''::text || id || cause || title || description || publishing_status || created_at || updated_at || coalesce(remark, '') AS x FROM catalog.products
          UNION ALL SELECT ''::text || action || coalesce(actor_id, 0) || entity_id || coalesce(after::text, '') || at FROM audit.audit_log WHERE entity_type IN ('product', 'ticket')
          UNION ALL SELECT ''::text || id || title || description || status || coalesce(assigned_to, 0) || escalation_level || created_at || coalesce(resolved_at::text, '') FROM helpdesk.tickets
          UNION ALL SELECT ''::text || ticket_id || body || created_at FROM helpdesk.comments
          UNION ALL SELECT ''::text || email || created_at FROM auth.users WHERE email NOT LIKE '%@adminportal.demo'
          UNION ALL SELECT ''::text || id || coalesce(text, '') || timestamp FROM chat.messages
          UNION ALL SELECT ''::text || day || moderator_id || cause || outcome || wait_bucket || decisions FROM reporting.moderation_daily
          UNION ALL SELECT ''::text || day || hostel_id || category_id || staff_id || measure || bucket || tickets FROM reporting.ticket_daily) s
        """;

    [Fact]
    public async Task Two_seeds_at_the_same_anchor_give_the_same_data_and_another_anchor_moves_it()
    {
        var anchor = Wednesday;
        await SeedAtAsync(anchor);
        var once = await ScalarAsync<string>(Db, Digest);
        await SeedAtAsync(anchor, reset: true);
        Assert.Equal(once, await ScalarAsync<string>(Db, Digest));
        var now = await SeedAtAsync("2027-03-18T14:35:12Z", reset: true);
        Assert.NotEqual(once, await ScalarAsync<string>(Db, Digest));
        Assert.True(await ScalarAsync<DateTime>(Db, "SELECT max(created_at) FROM helpdesk.tickets") > now.AddDays(-1));
    }

    private static string PgName(Cause c) =>
        typeof(Cause).GetField(c.ToString())!.GetCustomAttributes(typeof(NpgsqlTypes.PgNameAttribute), false)
            .Cast<NpgsqlTypes.PgNameAttribute>().Single().PgName;
}
