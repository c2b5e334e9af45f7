using AdminPortal.Components;
using AdminPortal.Data;
using AdminPortal.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>
/// The portal's own web pipeline (Program.cs without the database preparation) on a free loopback port over the
/// test database: for tests of what goes over HTTP (headers, media).
/// </summary>
public sealed class PortalWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PortalWebHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's services (the portal's own registrations, with any the test customised).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<PortalWebHost> StartAsync(string connectionString, string environment,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? customise = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(App).Assembly.GetName().Name,
            ContentRootPath = ProjectFolder(),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = connectionString,
            ["Live:Transport"] = "InProcess",
            ["Tickets:RunWorkers"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPortalServices(builder.Configuration, new PortalDatabase(connectionString, null));
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddPortalTelemetry();
        customise?.Invoke(builder.Services);
        var app = builder.Build();
        app.UsePortalPipeline();
        await app.StartAsync();
        return new PortalWebHost(app, new Uri(app.Urls.First()));
    }

    /// <param name="clientAddress">Sent as X-Forwarded-For: the address the portal sees when started with
    /// ForwardedHeaders:Enabled (the test client is on loopback, which the forwarded-headers middleware trusts).</param>
    /// <param name="cookies">A jar the test can read (to replay a cookie elsewhere); a private one when null.</param>
    public HttpClient Client(string? clientAddress = null, System.Net.CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (cookies is not null)
            handler.CookieContainer = cookies;
        var client = new HttpClient(handler) { BaseAddress = Address };
        if (clientAddress is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "AdminPortal", "AdminPortal.csproj");
            if (File.Exists(candidate))
                return Path.GetDirectoryName(candidate)!;
        }
        throw new InvalidOperationException("AdminPortal/AdminPortal.csproj not found above the test output");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
