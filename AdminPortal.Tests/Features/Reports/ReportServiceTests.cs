using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Features.Products;
using AdminPortal.Features.Reports;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Reports;

/// <summary>The reports against the same rows counted directly, in the viewer's scope; the CSV export over HTTP.</summary>
public sealed partial class ReportServiceTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private async Task<ReportTable> ReadAsync(System.Security.Claims.ClaimsPrincipal who, ReportKind kind)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ReportService>()
            .ReadAsync(who, new ReportQuery(kind, Today.AddDays(-29), Today));
    }

    private async Task<TicketTestData> TicketsAsync()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        foreach (var (hostel, late) in new[] { (desk.HostelA, 1), (desk.HostelB, 3) })
            for (var i = 0; i < 4; i++)
            {
                var t = await desk.TicketAsync(Fixture, hostel, dueAt: i < late ? now.AddHours(-2) : now.AddHours(2));
                await using var db = await Fixture.CreateDbContextAsync();
                await db.Set<Ticket>().Where(x => x.Id == t.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, TicketStatus.Resolved).SetProperty(x => x.ResolvedAt, now.AddMinutes(-10)));
            }
        return desk;
    }

    [Fact]
    public async Task Turnaround_by_hostel_equals_direct_counts_and_staff_A_never_sees_hostel_B()
    {
        var desk = await TicketsAsync();
        var admin = await ReadAsync(desk.AsAdmin, ReportKind.TatByHostel);
        var staff = await ReadAsync(desk.AsStaffA, ReportKind.TatByHostel);
        await using var db = await Fixture.CreateDbContextAsync();
        foreach (var hostel in new[] { desk.HostelA, desk.HostelB })
        {
            var resolved = await db.Set<Ticket>().Where(t => t.HostelId == hostel.Id && t.ResolvedAt != null).ToListAsync();
            var row = admin.Rows.Single(r => r[0] == hostel.Name);
            Assert.Equal(resolved.Count.ToString(), row[1]);
            Assert.Equal(resolved.Count(t => t.ResolvedAt <= t.DueAt).ToString(), row[2]);
        }
        Assert.Equal("75.0%", admin.Rows.Single(r => r[0] == desk.HostelA.Name)[3]);
        Assert.Equal("25.0%", admin.Rows.Single(r => r[0] == desk.HostelB.Name)[3]);
        Assert.Equal([desk.HostelA.Name], staff.Rows.Select(r => r[0]));
        Assert.Equal(admin.Rows.Count, admin.Chart.Labels.Count);
    }

    [Fact]
    public async Task Turnaround_by_category_and_staff_and_response_times_follow_the_scope()
    {
        var desk = await TicketsAsync();
        var byCategory = await ReadAsync(desk.AsStaffA, ReportKind.TatByCategory);
        Assert.Equal("4", byCategory.Rows.Single(r => r[0] == "Maintenance")[1]);   // hostel A's four, not B's
        var byStaff = await ReadAsync(desk.AsAdmin, ReportKind.TatByStaff);
        Assert.Equal("8", byStaff.Rows.Single(r => r[0] == "(none)")[1]);
        var times = await ReadAsync(desk.AsStaffA, ReportKind.ResponseTimes);
        Assert.Equal("All categories", times.Rows[^1][0]);
        Assert.Equal("5 min", times.Rows[^1][3]);   // resolved "10 minutes before" creation: the first bucket
    }

    [Fact]
    public async Task Throughput_equals_the_decisions_in_the_audit_log_and_is_for_moderators_only()
    {
        var data = await new ProductTestData(Fixture).SeedAsync();
        await using (var scope = Scope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ProductModeration>();
            for (var i = 0; i < 3; i++)
                await moderation.DecideAsync(data.Moderator, new ProductDecision((await data.AddAsync(cause: Cause.SustainableFashion)).Id, ModerationAction.Approve));
            await moderation.DecideAsync(data.Moderator2, new ProductDecision((await data.AddAsync()).Id, ModerationAction.Reject, Reason: "Blurry"));
        }
        var table = await ReadAsync(data.Admin, ReportKind.Throughput);
        await using var db = await Fixture.CreateDbContextAsync();
        var audit = await db.Set<AuditLogEntry>().Where(a => a.Action == "product.approve").GroupBy(a => a.ActorName).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var row = table.Rows.Single(r => r[1] == "Sustainable fashion");
        Assert.Equal(audit.Single().Key, row[0]);
        Assert.Equal(audit.Single().N.ToString(), row[2]);
        Assert.Equal("1", table.Rows.Single(r => r[1] == "Grief care")[3]);
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() => ReadAsync(data.Staff, ReportKind.Throughput));
        await Assert.ThrowsAsync<AdminPortal.Security.AccessDeniedException>(() => ReadAsync(data.Moderator, ReportKind.TatByHostel));
    }

    [Fact]
    public async Task The_csv_export_is_the_tables_cells_formula_safe_audited_and_needs_the_form_token()
    {
        var data = await new ProductTestData(Fixture).SeedAsync();
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Users.Where(u => u.Email == "moderator@adminportal.demo").ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, "=Mira"));
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<ProductModeration>()
                .DecideAsync(data.Moderator, new ProductDecision((await data.AddAsync()).Id, ModerationAction.Approve));
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = await host.SignedInClientAsync("admin@adminportal.demo");

        // the decisions are on the fixture's clock, the host reads the system's: name the days
        var (from, to) = (Today.AddDays(-1).ToString("yyyy-MM-dd"), Today.ToString("yyyy-MM-dd"));
        var page = await client.GetStringAsync($"/reports?report=throughput&from={from}&to={to}");
        var cells = Cell().Matches(page[page.IndexOf("data-testid=\"report-table\"", StringComparison.Ordinal)..])
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var form = new Dictionary<string, string> { ["report"] = "throughput", ["from"] = from, ["to"] = to };

        using (var refused = await client.PostAsync(ReportsExport.Path, new FormUrlEncodedContent(form)))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var csv = await client.PostAsync(ReportsExport.Path, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Moderator,Cause,Approved,Rejected,Changes requested,Total", lines[0]);
        Assert.Equal("'=Mira,Grief care,1,0,0,1", lines[1]);
        Assert.Equal(cells.Take(12), lines.SelectMany(l => l.Split(',')).Select(c => c.TrimStart('\'')).Take(12));
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.Equal(1, await check.Set<AuditLogEntry>().CountAsync(a => a.Action == ReportsExport.AuditAction));
    }

    [GeneratedRegex("<t[hd][^>]*>([^<]*)</t[hd]>")]
    private static partial Regex Cell();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
