using System.Reflection;
using AdminPortal.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Npgsql;

namespace AdminPortal.E2E.Infrastructure;

/// <summary>
/// Every routable page of the portal, read from its assembly (each <c>@page</c>), with the demo accounts that may open
/// it (from the page's policy through the role-permission mapping). A new page joins every test built on this table
/// by itself; a route with a parameter must say here how to find a real value for it, or the table refuses it.
/// </summary>
public static class RouteTable
{
    public sealed record Route(string Template, Type Page, IReadOnlyList<string> Accounts)
    {
        public bool Anonymous => Accounts.Count == 0;
    }

    /// <summary>One demo account per role: the role's account that sees the most (staff A: hostel A).</summary>
    private static readonly Dictionary<string, string> AccountOfRole = new()
    {
        [PortalRoles.Admin] = Demo.Admin,
        [PortalRoles.Moderator] = Demo.Moderator,
        [PortalRoles.Staff] = Demo.StaffA,
    };

    public static IReadOnlyList<Route> All { get; } = Read();

    private static List<Route> Read()
    {
        var routes = new List<Route>();
        foreach (var type in typeof(PortalRoles).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        {
            var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
            foreach (var route in type.GetCustomAttributes<RouteAttribute>())
                routes.Add(new Route(route.Template, type, AccountsFor(authorize)));
        }
        return routes.OrderBy(r => r.Template, StringComparer.Ordinal).ToList();
    }

    private static List<string> AccountsFor(List<AuthorizeAttribute> authorize)
    {
        if (authorize.Count == 0)
            return [];
        IEnumerable<string> roles = AccountOfRole.Keys;
        foreach (var a in authorize)
        {
            if (a.Policy is { } policy)
                roles = roles.Intersect(RolePermissionMapping.RolesWith(Enum.Parse<Permission>(policy)));
            if (a.Roles is { } named)
                roles = roles.Intersect(named.Split(',', StringSplitOptions.TrimEntries));
        }
        return roles.Select(r => AccountOfRole[r]).ToList();
    }

    /// <summary>The template with its parameters filled with real demo data (as the account sees it).</summary>
    public static async Task<string> UrlAsync(string template, string connectionString)
    {
        if (!template.Contains('{'))
            return template;
        await using var db = new NpgsqlConnection(connectionString);
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
            "/tickets/{Id:int}" => "/tickets/1",
            "/influencers/{Id:int}" => "/influencers/" + await One("SELECT min(id) FROM creators.influencers"),
            "/vendors/{Id:int}" => "/vendors/" + await One("SELECT min(id) FROM vendors.vendors"),
            "/staff/{Id:int}" => "/staff/" + await One("SELECT min(id) FROM helpdesk.staff"),
            "/brands/{Id:int}" => "/brands/" + await One("SELECT min(id) FROM creators.brands WHERE gst_document_status = 'pending'"),   // hostel A's first demo ticket: staff A and the admin may open it
            "/users/{Id:int}" => "/users/" + await One("SELECT id FROM auth.users WHERE email = 'moderator@adminportal.demo'"),
            "/chats/{Id:guid}" => "/chats/" + await One("SELECT id FROM chat.groups ORDER BY id LIMIT 1"),
            _ => throw new InvalidOperationException(
                $"The route {template} has a parameter: add how to find a demo value for it to RouteTable.UrlAsync."),
        };
    }
}
