using AdminPortal.Features.Dashboard;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Security.Sessions;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Dashboard;

/// <summary>
/// The warm-up at start (decision 0040) renders each role's real dashboard through the app's router, as that role's
/// first account would see it, and writes nothing.
/// </summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class DashboardWarmUpTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Each_role_gets_its_own_dashboard_rendered_and_nothing_is_written()
    {
        await Fixture.SeedDemoAsync();
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var before = await CountsAsync();

        var pages = await DashboardWarmUp.RunAsync(host.Services);
        var rendered = pages.Where(p => p.Path == "/").ToDictionary(p => p.Role, p => p.Html);

        Assert.Equal([PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff], rendered.Keys.ToArray());
        // the page itself with its figures (not the login redirect or "access denied"), each role its own sections
        Assert.All(rendered.Values, html => Assert.Contains("data-testid=\"dashboard\"", html, StringComparison.Ordinal));
        Assert.All(rendered.Values, html => Assert.DoesNotContain("Loading the dashboard", html, StringComparison.Ordinal));
        Assert.Contains("id=\"dash-health\"", rendered[PortalRoles.Admin], StringComparison.Ordinal);
        Assert.Contains("id=\"dash-moderation\"", rendered[PortalRoles.Moderator], StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"dash-tickets\"", rendered[PortalRoles.Moderator], StringComparison.Ordinal);
        Assert.Contains("id=\"dash-tickets\"", rendered[PortalRoles.Staff], StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"dash-health\"", rendered[PortalRoles.Staff], StringComparison.Ordinal);
        // the lists each role opens from there, each the real page with its rows (not a redirect or "access denied")
        Assert.Equal(["Admin /reports", "Admin /tickets", "Admin /users", "Moderator /products", "Moderator /chats", "Staff /tickets"],
            pages.Where(p => p.Path != "/").Select(p => $"{p.Role} {p.Path}").ToArray());
        Assert.All(pages.Where(p => p.Path is "/tickets" or "/users" or "/products"), p => Assert.Contains("<tbody", p.Html, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.DoesNotContain("Access denied", p.Html, StringComparison.OrdinalIgnoreCase));
        // reads only: no session, no audit record, no presence
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Without_portal_accounts_it_renders_nothing_and_does_not_fail()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        Assert.Empty(await DashboardWarmUp.RunAsync(host.Services));
    }

    private async Task<(int Sessions, int Audit)> CountsAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return (await db.Set<UserSession>().CountAsync(), await db.Set<AuditLogEntry>().CountAsync());
    }
}
