using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Features.Audit;
using AdminPortal.Features.Audit.Log;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Users;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Audit;

/// <summary>The audit log page's reads on PostgreSQL: each filter, keyset paging, who may read it, and the export.</summary>
public sealed partial class AuditLogQueryServiceTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private int _admin, _moderator;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await IdOf("admin@adminportal.demo");
        _moderator = await IdOf("moderator@adminportal.demo");
        await using var db = await DbAsync();
        // 120 records: one every 6 hours from 1 Nov, alternating actors, actions and kinds
        for (var i = 0; i < 120; i++)
        {
            var (actor, name) = (i % 3) switch { 0 => ((int?)_admin, "Asha Admin"), 1 => (_moderator, "Mira Moderator"), _ => (null, "system") };
            var (action, type) = (i % 4) switch
            {
                0 => ("product.approve", "product"),
                1 => ("product.reject", "product"),
                2 => ("ticket.assign", "ticket"),
                _ => ("user.lock", "user"),
            };
            db.Set<AuditLogEntry>().Add(new AuditLogEntry
            {
                ActorId = actor, ActorName = name, Action = action, EntityType = type, EntityId = (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
                At = Start.AddHours(6 * i), Reason = i == 5 ? "=HYPERLINK(\"http://evil\")" : null,
                Before = System.Text.Json.JsonDocument.Parse("{\"status\":\"suggestion\",\"title\":\"Lamp\"}"),
                After = System.Text.Json.JsonDocument.Parse("{\"status\":\"published\",\"title\":\"Lamp\"}"),
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<AuditRecords> ReadAsync(AuditLogQuery query, int? asUser = null, TimeZoneInfo? zone = null)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditLogQueryService>()
            .ReadAsync(As(asUser ?? _admin), query, zone ?? TimeZoneInfo.Utc);
    }

    private async Task<List<AuditLogEntry>> AllAsync()
    {
        await using var db = await DbAsync();
        return await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.At >= Start).ToListAsync();
    }

    [Fact]
    public async Task Paging_by_cursor_walks_every_record_once_newest_first()
    {
        var seen = new List<AuditRow>();
        var query = new AuditLogQuery(PageSize: 25);
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await ReadAsync(query);
            seen.AddRange(page.Rows);
            if (page.Older is null)
                break;
            query = query with { Before = page.Older };
        }
        var all = await AllAsync();
        Assert.Equal(all.Count, seen.Count);
        Assert.Equal(all.Select(a => a.Id).Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
    }

    [Fact]
    public async Task Each_filter_returns_exactly_the_records_counted_directly()
    {
        var all = await AllAsync();
        async Task Check(AuditLogQuery query, Func<AuditLogEntry, bool> expected)
        {
            var page = await ReadAsync(query with { PageSize = 100 });
            var want = all.Where(expected).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(100).Select(a => a.Id).ToList();
            Assert.NotEmpty(want);
            Assert.Equal(want, page.Rows.Select(r => r.Id));
        }
        await Check(new AuditLogQuery(Actor: _moderator.ToString(System.Globalization.CultureInfo.InvariantCulture)), a => a.ActorId == _moderator);
        await Check(new AuditLogQuery(Actor: "Admin@AdminPortal.demo"), a => a.ActorId == _admin);
        await Check(new AuditLogQuery(Actor: AuditLogQuery.System), a => a.ActorId == null);
        await Check(new AuditLogQuery(Action: "product.reject"), a => a.Action == "product.reject");
        await Check(new AuditLogQuery(Action: "product."), a => a.Action.StartsWith("product.", StringComparison.Ordinal));
        await Check(new AuditLogQuery(EntityType: "ticket"), a => a.EntityType == "ticket");
        await Check(new AuditLogQuery(EntityType: "user", EntityId: "3"), a => a.EntityType == "user" && a.EntityId == "3");
        await Check(new AuditLogQuery(From: new DateOnly(2026, 11, 10), To: new DateOnly(2026, 11, 12)),
            a => a.At >= new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc) && a.At < new DateTime(2026, 11, 13, 0, 0, 0, DateTimeKind.Utc));
        await Check(new AuditLogQuery(Actor: AuditLogQuery.System, Action: "ticket.assign"), a => a.ActorId == null && a.Action == "ticket.assign");
    }

    [Fact]
    public async Task Dates_are_days_in_the_viewers_zone()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var page = await ReadAsync(new AuditLogQuery(From: new DateOnly(2026, 11, 10), To: new DateOnly(2026, 11, 10)), zone: kolkata);

        // 10 Nov in Kolkata (UTC+5:30) is 9 Nov 18:30 to 10 Nov 18:30 UTC: not 9 Nov 18:00, but 10 Nov 18:00 (UTC)
        Assert.Equal([new DateTime(2026, 11, 10, 18, 0, 0), new DateTime(2026, 11, 10, 12, 0, 0), new DateTime(2026, 11, 10, 6, 0, 0),
            new DateTime(2026, 11, 10, 0, 0, 0)], page.Rows.Select(r => DateTime.SpecifyKind(r.At, DateTimeKind.Unspecified)));
    }

    [Fact]
    public async Task An_unknown_email_says_so_and_finds_nothing()
    {
        var page = await ReadAsync(new AuditLogQuery(Actor: "nobody@example.org"));

        Assert.Empty(page.Rows);
        Assert.Contains("nobody@example.org", page.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_read_the_log()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => ReadAsync(new AuditLogQuery(), _moderator));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await ReadAsync(new AuditLogQuery(), await IdOf("staff.a@adminportal.demo")));
    }

    [Fact]
    public async Task The_export_is_a_post_with_antiforgery_matches_the_page_is_formula_safe_and_audited()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var admin = await host.SignedInClientAsync("admin@adminportal.demo");
        using var moderator = await host.SignedInClientAsync("moderator@adminportal.demo");

        using (var get = await admin.GetAsync(AuditExport.Path))
            Assert.False(get.IsSuccessStatusCode && get.Content.Headers.ContentType?.MediaType == "text/csv", "a GET must not export");
        using (var noToken = await admin.PostAsync(AuditExport.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "product." })))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using (var asModerator = await moderator.PostAsync(AuditExport.Path, await FormAsync(moderator, "/", ("action", "product."))))
            Assert.NotEqual(HttpStatusCode.OK, asModerator.StatusCode);

        using var post = await admin.PostAsync(AuditExport.Path, await FormAsync(admin, "/audit", ("action", "product.")));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var lines = (await post.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var expected = (await AllAsync()).Where(a => a.Action.StartsWith("product.", StringComparison.Ordinal))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains(lines, l => l.Contains(",'=HYPERLINK(", StringComparison.Ordinal) || l.Contains(",\"'=HYPERLINK(", StringComparison.Ordinal));

        await using var db = await DbAsync();
        var record = await db.Set<AuditLogEntry>().AsNoTracking().SingleAsync(a => a.Action == AuditExport.Action);
        Assert.Equal(_admin, record.ActorId);
        Assert.Contains("product.", record.After!.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>A form posted with the antiforgery token of the signed-in client's page <paramref name="page"/>.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, params (string Key, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        var values = fields.ToDictionary(f => f.Key, f => f.Value);
        if (token.Success)
            values["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
