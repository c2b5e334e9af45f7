using System.Net;
using System.Reflection;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Npgsql;

namespace AdminPortal.Tests.Security;

/// <summary>
/// The authorization matrix (issue 20): every <c>@page</c> of the portal (read from its assembly, as the E2E
/// RouteTable does) × anonymous, Admin, Moderator, Staff in scope and Staff out of scope, requested over HTTP from the
/// portal's own pipeline (signed in through the real login form). What each route should let in is written here, not
/// read from the page: a new page missing from <see cref="Expected"/> fails, and so does a page whose policy lets the
/// wrong role in or keeps the right one out. For a route with an entity, the staff member out of its scope must not
/// see it.
/// </summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class AuthorizationMatrixTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public enum Principal { Anonymous, Admin, Moderator, StaffInScope, StaffOutOfScope }

    private const string Anyone = "anyone";

    /// <summary>The second step of a sign-in: only a pending sign-in opens it; everyone else goes to the login page.</summary>
    private const string PendingSignInOnly = "pending sign-in";

    /// <summary>Who may open each route. Staff out of scope is checked on top: it never sees a scoped entity.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["/account/login"] = [Anyone],
        ["/account/access-denied"] = [Anyone],
        ["/account/set-password"] = [Anyone],
        ["/account/sessions"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/account/second-factor"] = [PendingSignInOnly],
        ["/account/second-factor/enrol"] = [PendingSignInOnly],
        ["/account/recovery"] = [PendingSignInOnly],
        ["/account/security"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/error"] = [Anyone],
        ["/not-found"] = [Anyone],
        ["/"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/reports"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/products"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/brands"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/brands/{Id:int}"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/vendors"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/vendors/{Id:int}"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/subscriptions"] = [PortalRoles.Admin],
        ["/niches"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/influencers"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/influencers/{Id:int}"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/products/{Id}"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/chats"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/chats/{Id:guid}"] = [PortalRoles.Admin, PortalRoles.Moderator],
        ["/tickets"] = [PortalRoles.Admin, PortalRoles.Staff],
        ["/tickets/new"] = [PortalRoles.Admin, PortalRoles.Staff],
        ["/tickets/{Id:int}"] = [PortalRoles.Admin, PortalRoles.Staff],
        ["/tickets/categories"] = [PortalRoles.Admin],
        ["/staff"] = [PortalRoles.Admin],
        ["/staff/{Id:int}"] = [PortalRoles.Admin],
        ["/users"] = [PortalRoles.Admin],
        ["/users/access"] = [PortalRoles.Admin],
        ["/users/new"] = [PortalRoles.Admin],
        ["/users/{Id:int}"] = [PortalRoles.Admin],
        ["/audit"] = [PortalRoles.Admin],
        ["/notifications"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/notifications/preferences"] = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff],
        ["/system"] = [PortalRoles.Admin],
    };

    /// <summary>What is not a page but answers a GET (mapped in PortalPipeline), with who may open it.</summary>
    private static readonly Dictionary<string, string[]> Endpoints = new(StringComparer.Ordinal)
    {
        ["/metrics"] = [PortalRoles.Admin],   // the Prometheus scrape on the portal's own port (decision 0029)
    };

    /// <summary>Routes whose entity has a scope, with the markup that shows the entity itself.</summary>
    private static readonly Dictionary<string, string> ScopedEntityMarker = new(StringComparer.Ordinal)
    {
        ["/tickets/{Id:int}"] = "class=\"mud-typography mud-typography-h5 ticket-heading",
    };

    private static readonly Dictionary<Principal, string> Accounts = new()
    {
        [Principal.Admin] = "admin@adminportal.demo",
        [Principal.Moderator] = "moderator@adminportal.demo",
        [Principal.StaffInScope] = "staff.a@adminportal.demo",    // hostel A
        [Principal.StaffOutOfScope] = "staff.b@adminportal.demo", // hostel B
    };

    private static readonly Dictionary<Principal, string?> RoleOf = new()
    {
        [Principal.Anonymous] = null,
        [Principal.Admin] = PortalRoles.Admin,
        [Principal.Moderator] = PortalRoles.Moderator,
        [Principal.StaffInScope] = PortalRoles.Staff,
        [Principal.StaffOutOfScope] = PortalRoles.Staff,
    };

    [Fact]
    public void Every_page_of_the_portal_is_in_the_matrix()
    {
        var routes = Routes();
        Assert.Empty(routes.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(routes));
    }

    [Fact]
    public async Task Every_route_lets_in_exactly_the_principals_the_matrix_says()
    {
        await Fixture.SeedDemoAsync();
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var clients = new Dictionary<Principal, HttpClient> { [Principal.Anonymous] = host.Client() };
        foreach (var (principal, email) in Accounts)
            clients[principal] = await host.SignedInClientAsync(email);
        var failures = new List<string>();
        var cells = 0;
        try
        {
            foreach (var template in Routes().Concat(Endpoints.Keys))
            {
                var url = await UrlAsync(template);
                foreach (var (principal, client) in clients)
                {
                    cells++;
                    var (seen, body) = await OpenAsync(client, url);
                    var expected = ExpectedAccess(template, principal);
                    if (seen != expected)
                        failures.Add($"{template} as {principal}: expected {expected}, got {seen} ({url})");
                    else if (seen == Access.Page && ScopedEntityMarker.TryGetValue(template, out var marker)
                             && body.Contains(marker, StringComparison.Ordinal) != (principal != Principal.StaffOutOfScope))
                        failures.Add($"{template} as {principal}: the entity is {(principal == Principal.StaffOutOfScope ? "shown out of scope" : "not shown")} ({url})");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
        Assert.True(cells >= (Expected.Count + Endpoints.Count) * 5, $"only {cells} cells");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong:\n" + string.Join("\n", failures));
    }

    public enum Access { Page, Login, Denied }

    private static Access ExpectedAccess(string template, Principal principal)
    {
        var allowed = Expected.TryGetValue(template, out var page) ? page : Endpoints[template];
        if (allowed.Contains(Anyone))
            return Access.Page;
        if (allowed.Contains(PendingSignInOnly))
            return Access.Login;
        if (RoleOf[principal] is not { } role)
            return Access.Login;
        return allowed.Contains(role) ? Access.Page : Access.Denied;
    }

    private static async Task<(Access, string)> OpenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            var to = response.Headers.Location?.OriginalString ?? "";
            return (to.Contains("/account/login", StringComparison.Ordinal) ? Access.Login
                : to.Contains("/account/access-denied", StringComparison.Ordinal) ? Access.Denied
                : throw new Xunit.Sdk.XunitException($"{url} redirected to {to}"), body);
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized)
            return (Access.Login, body);
        if (response.StatusCode is HttpStatusCode.Forbidden)
            return (Access.Denied, body);
        // the router's NotAuthorized content (AccessDeniedNotice), rendered with 200
        return (body.Contains(">Access denied</h1>", StringComparison.Ordinal) && !url.StartsWith("/account/access-denied", StringComparison.Ordinal)
            ? Access.Denied : Access.Page, body);
    }

    private static List<string> Routes() =>
        typeof(PortalRoles).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The template with a real demo value (the ticket: one of hostel A, staff A's scope and not staff B's).</summary>
    private async Task<string> UrlAsync(string template)
    {
        if (!template.Contains('{'))
            return template;
        await using var db = new NpgsqlConnection(Fixture.ConnectionString);
        await db.OpenAsync();
        async Task<string> One(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, db);
            return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
                   ?? throw new InvalidOperationException($"No demo row for {template}");
        }
        return template switch
        {
            "/products/{Id}" => "/products/" + await One("SELECT id FROM catalog.products ORDER BY created_at DESC LIMIT 1"),
            "/tickets/{Id:int}" => "/tickets/" + await One("SELECT id FROM helpdesk.tickets WHERE hostel_id = 1 ORDER BY id LIMIT 1"),
            "/brands/{Id:int}" => "/brands/" + await One("SELECT min(id) FROM creators.brands"),
            "/vendors/{Id:int}" => "/vendors/" + await One("SELECT min(id) FROM vendors.vendors"),
            "/influencers/{Id:int}" => "/influencers/" + await One("SELECT min(id) FROM creators.influencers"),
            "/staff/{Id:int}" => "/staff/" + await One("SELECT min(id) FROM helpdesk.staff"),
            "/users/{Id:int}" => "/users/" + await One("SELECT id FROM auth.users WHERE email = 'moderator@adminportal.demo'"),
            "/chats/{Id:guid}" => "/chats/" + await One("SELECT id FROM chat.groups ORDER BY id LIMIT 1"),
            _ => throw new InvalidOperationException(
                $"The route {template} has a parameter: add how to find a demo value for it to AuthorizationMatrixTests.UrlAsync."),
        };
    }
}
