using AdminPortal.Features.Reports;
using AdminPortal.Components;
using AdminPortal.Components.Account;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Audit;
using AdminPortal.Features.Account;
using AdminPortal.Features.Users;
using AdminPortal.Lifetime;
using AdminPortal.Diagnostics;
using AdminPortal.Security;
using AdminPortal.Security.SignIn;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace AdminPortal;

public static class PortalPipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseInstanceDrain();   // first: from SIGTERM on, new requests get 503 and nginx sends them elsewhere (0042)
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            // Behind nginx (docs/deploy.md): take the client's address and scheme from the proxy on loopback only.
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(options);
        }
        app.UseSecurityHeaders();
        // after the forwarded headers: behind the proxy the limiter counts the client's address, not the proxy's
        app.UseSignInThrottling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        app.MapStaticAssets();
        var assets = AssetsFolder(app);
        if (assets is not null)
            app.UsePrivateMedia(assets);   // sign-in, a portal role and the area's permission (Security/PrivateMedia.cs)
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPortalMetrics();   // /metrics for admins, unless Telemetry:PrometheusPort gives it a port of its own
        app.MapAccountEndpoints();
        app.MapPasskeyEndpoints();
        app.MapUsersEndpoints();
        app.MapAuditEndpoints();
        app.MapReportsEndpoints();
        if (app.Environment.IsDevelopment())
        {
            app.MapMemoryDiagnostics();
            app.MapLiveDiagnostics();
        }
        // the frame-ancestors rule is part of the one Content-Security-Policy (Security/SecurityHeaders.cs)
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>wwwroot-assets/ beside the project (media: demo product images, chat attachments).</summary>
    private static string? AssetsFolder(WebApplication app)
    {
        var configured = app.Configuration["Assets:Directory"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in new[] { app.Environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot-assets");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(app.Environment.IsDevelopment());
    }

    public static void PrintWelcome(this WebApplication app)
    {
        foreach (var url in app.Urls)
            Console.WriteLine($"AdminPortal is listening: open {url}");
        if (app.Environment.IsDevelopment())
            DemoAccounts.Print(Console.Out);
    }
}
