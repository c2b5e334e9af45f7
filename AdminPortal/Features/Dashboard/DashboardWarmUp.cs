using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Data.Identity;
using AdminPortal.Security;
using AdminPortal.Security.Sessions;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The dashboard's first render, done once before the portal listens (decision 0040), and since decision 0055 also
/// the lists each role opens from it (the queues, users, chats, reports): every role lands on <c>/</c>
/// after signing in, and its first render after a start paid for the JIT of the layout, the figure services, EF Core's
/// compilation of each of their queries and MudBlazor's chart code (0.4-0.9 s of CPU on this machine's 2 cores). For
/// each portal role, as the first active account holding it, the warm-up renders the app's <see cref="Components.Routes"/>
/// at <c>/</c> to HTML with the principal a sign-in would give that account (the claims factory's, with no sign-in:
/// no cookie, no session), so the router, the authorization of the route, the layout and the page run exactly as for
/// that user's first visit, reads included, and then drops the markup. Reads only: nothing is written, audited or
/// kept; a role nobody holds yet (a new deployment before <c>create-admin</c>) is skipped. A failure is logged and the
/// portal starts anyway: the warm-up can only make the first visit faster, never stop one.
/// </summary>
public static class DashboardWarmUp
{
    /// <summary>Configuration switch: <c>Dashboard:WarmUpAtStart</c> (default true).</summary>
    public const string Setting = "Dashboard:WarmUpAtStart";

    /// <summary>
    /// Each role's pages rendered at start: its dashboard first, then the lists its people open from there (decision
    /// 0055: the first request of a queue after a start paid 170-400 ms of JIT and query compilation).
    /// </summary>
    private static readonly (string Role, string[] Paths)[] Pages =
    [
        (PortalRoles.Admin, ["/", "/reports", "/tickets", "/users"]),
        (PortalRoles.Moderator, ["/", "/products", "/chats"]),
        (PortalRoles.Staff, ["/", "/tickets"]),
    ];

    /// <summary>One page the warm-up rendered: for whom, where, and its markup.</summary>
    public sealed record WarmedPage(string Role, string Path, string Html);

    public static async Task WarmUpDashboardAsync(this WebApplication app, CancellationToken ct = default)
    {
        if (!app.Configuration.GetValue(Setting, true))
            return;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardWarmUp));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var rendered = await RunAsync(app.Services, ct);
            log.LogInformation("Pages warmed up ({Pages}) in {Milliseconds:F0} ms",
                rendered.Count == 0 ? "none: no portal accounts yet" : string.Join(", ", rendered.Select(p => $"{p.Role} {p.Path}")),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "The pages' warm-up failed after {Milliseconds:F0} ms; the first visits will be slower",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The warm-up itself: each role's pages rendered (roles nobody holds are left out).</summary>
    public static async Task<IReadOnlyList<WarmedPage>> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        // every signed-in request first looks its cookie's session up (PostgresTicketStore): an unknown key reads one
        // row by its hash and finds none, which compiles the query and writes nothing
        await services.GetRequiredService<PostgresTicketStore>().RetrieveAsync(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), ct);
        var rendered = new List<WarmedPage>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        foreach (var (role, paths) in Pages)
        {
            if (await FirstHolderAsync(dbFactory, role, ct) is not { } account)
                continue;
            foreach (var path in paths)
            {
                await using var scope = services.CreateAsyncScope();
                if (await RenderAsync(scope.ServiceProvider, account, path) is { } html)
                    rendered.Add(new WarmedPage(role, path, html));
            }
        }
        return rendered;
    }

    /// <summary>Renders <paramref name="path"/> as <paramref name="account"/>; null when its security stamp fails.</summary>
    private static async Task<string?> RenderAsync(IServiceProvider services, PortalUser account, string path)
    {
        // the principal a sign-in would give the account, checked as each request checks its cookie's (security stamp)
        var signIn = services.GetRequiredService<SignInManager<PortalUser>>();
        var user = await signIn.CreateUserPrincipalAsync(account);
        if (await signIn.ValidateSecurityStampAsync(user) is null)
            return null;
        // what the prerender's endpoint sets up for a request: the address (the router matches the path) and the user
        if (services.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize("http://localhost/", "http://localhost" + path);
        if (services.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider authentication)
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<Components.Routes>(ParameterView.Empty)).ToHtmlString());
    }

    private static async Task<PortalUser?> FirstHolderAsync(IDbContextFactory<PortalDbContext> dbFactory, string role, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.DeletedAt == null && u.Status != PlatformUserStatus.Inactive && u.Roles.Any(r => r.Role!.Name == role))
            .OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
    }
}
