using Microsoft.Playwright;

namespace AdminPortal.E2E.Infrastructure;

/// <summary>
/// One portal and one Chromium for the whole E2E run. Debian's Chromium (/usr/bin/chromium, or
/// PLAYWRIGHT_CHROMIUM_EXECUTABLE), falling back to Playwright's own browser elsewhere. Each role signs in once;
/// its storage state is reused by every test of that role. Every context is watched for Content-Security-Policy
/// violations (<see cref="CspViolations"/>): one fails the test it happened in.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _storageStates = [];
    private readonly SemaphoreSlim _signInLock = new(1, 1);
    private readonly Dictionary<(string?, int, int), IBrowserContext> _sharedContexts = [];
    private readonly SemaphoreSlim _sharedLock = new(1, 1);
    private IPlaywright? _playwright;

    public PortalServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => Server.BaseUrl;

    public async Task InitializeAsync()
    {
        Server = await PortalServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private static string? ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    /// <summary>
    /// A fresh context at 1366x768 (or the given size), signed in as the account, or anonymous. Its CSP violations fail
    /// the test that runs when they are reported (<see cref="CspViolations"/>), unless <paramref name="watchCsp"/> is
    /// false: only for a journey that causes one on purpose, which would otherwise fail a journey of another
    /// collection running at the same time (the watcher is process-wide).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string? email = null, int width = 1366, int height = 768, string? baseUrl = null,
        bool watchCsp = true)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        };
        if (email is not null)
            options.StorageStatePath = await StorageStateAsync(email);
        var context = await Browser.NewContextAsync(options);
        if (watchCsp)
            CspViolations.Watch(context);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>
    /// One context per account and size for the whole collection, for checks that only read pages (the axe sweep): each
    /// page load after the first finds the portal's scripts and styles in the context's cache, already compiled, where
    /// a fresh context fetches and compiles them again (Chromium was over half of the E2E run's CPU). The caller closes
    /// its page; the contexts end with the browser.
    /// </summary>
    public async Task<IBrowserContext> SharedContextAsync(string? email, int width, int height)
    {
        await _sharedLock.WaitAsync();
        try
        {
            if (!_sharedContexts.TryGetValue((email, width, height), out var context))
                _sharedContexts[(email, width, height)] = context = await NewContextAsync(email, width, height);
            return context;
        }
        finally
        {
            _sharedLock.Release();
        }
    }

    private async Task<string> StorageStateAsync(string email)
    {
        await _signInLock.WaitAsync();
        try
        {
            if (_storageStates.TryGetValue(email, out var path))
                return path;
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
            CspViolations.Watch(context);
            var page = await context.NewPageAsync();
            await new Pages.LoginPage(page).SignInAsync(email, Demo.Password);
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            path = Path.Combine(Path.GetTempPath(), $"adminportal-e2e-state-{Guid.NewGuid():N}.json");
            await context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
            _storageStates[email] = path;
            return path;
        }
        finally
        {
            _signInLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null)
            await Server.DisposeAsync();
        foreach (var path in _storageStates.Values)
            File.Delete(path);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal";
}

/// <summary>
/// A second portal for half of the journeys (sign-in, second factors, live updates, scale-out), so the two
/// halves run side by side; each half sees only its own changes to the demo data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondPortalCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal-b";
}

/// <summary>
/// The read-only sweep (axe on every route): a portal, database and Chromium of their own, so it runs beside the
/// journeys of <see cref="PortalCollection"/> and <see cref="SecondPortalCollection"/> (xunit runs the three
/// collections at once, decision 0048) and sees the demo data untouched.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SweepCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "sweeps";
}

public static class Demo
{
    public const string Password = "demo-password-2026";
    public const string Admin = "admin@adminportal.demo";
    public const string Moderator = "moderator@adminportal.demo";
    public const string Moderator2 = "moderator2@adminportal.demo";
    public const string StaffA = "staff.a@adminportal.demo";
    public const string StaffB = "staff.b@adminportal.demo";
}
