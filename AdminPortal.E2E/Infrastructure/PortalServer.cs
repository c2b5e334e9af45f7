using System.Diagnostics;
using AdminPortal.Data.Local;

namespace AdminPortal.E2E.Infrastructure;

/// <summary>
/// The real portal as a separate process (Kestrel on a free loopback port, Development, demo data) over a throwaway
/// PostgreSQL cluster this fixture owns, so tests can also prepare data through the portal's own verbs.
/// A journey can start more instances over the same cluster (see <see cref="StartInstanceAsync"/>): it owns and stops them.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private EmbeddedPostgres? _cluster;

    public string ConnectionString { get; private set; } = "";
    public string BaseUrl { get; private set; } = "";
    public string Log => string.Join(Environment.NewLine, _log);
    private readonly List<string> _log = [];

    public static async Task<PortalServer> StartAsync()
    {
        var server = new PortalServer();
        var folder = Path.Combine(Path.GetTempPath(), $"adminportal-e2e-{Guid.NewGuid():N}");
        server._cluster = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = folder, Database = "adminportal_e2e", Throwaway = true }, _ => { });
        server.ConnectionString = server._cluster.ConnectionString("adminportal_e2e");
        server.BaseUrl = await server.StartSharedInstanceAsync();
        return server;
    }

    /// <summary>The collection's shared instance, as shipped (dashboard warm-up included); it runs until the fixture ends.</summary>
    private async Task<string> StartSharedInstanceAsync()
    {
        var port = EmbeddedPostgres.FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        var process = StartPortal(["--urls", url], null);
        _processes.Add(process);
        await WaitUntilHealthyAsync(process, url);
        return url;
    }

    /// <summary>
    /// Starts one more portal instance over the same database that the caller owns: it can stop it as an operator
    /// would (<see cref="PortalInstance.TerminateAsync"/>) and disposes it (<c>await using</c>) when its journey ends, so
    /// no journey's extra instance keeps running its workers beside the journeys after it.
    /// </summary>
    public async Task<PortalInstance> StartInstanceAsync(IDictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{EmbeddedPostgres.FreeLoopbackPort()}";
        // an instance of a journey's own starts without the dashboard warm-up (decision 0040): the shared portal
        // shows the warm-up as shipped; here it would only add its CPU to every other journey running beside
        var own = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        own.TryAdd("Dashboard:WarmUpAtStart", "false");
        var instance = new PortalInstance(StartPortal(["--urls", url], own), url);
        try
        {
            await WaitUntilHealthyAsync(instance.Process, url);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
        return instance;
    }

    /// <summary>Runs a verb of the portal (migrate, seed, create-admin) against the test database.</summary>
    public async Task<(int ExitCode, string Output)> RunVerbAsync(string[] args, string? stdin = null)
    {
        using var process = StartPortal(args, null, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        lock (_log)
            return (process.ExitCode, string.Join(Environment.NewLine, _log));
    }

    private Process StartPortal(string[] args, IDictionary<string, string>? settings, bool redirectInput = false)
    {
        var project = ProjectFolder();
        // the portal's own build output: its static web assets manifests live beside its dll
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "AdminPortal.dll");
        if (!File.Exists(dll))
            dll = Path.Combine(AppContext.BaseDirectory, "AdminPortal.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = project,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(project);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ConnectionStrings__Portal"] = ConnectionString;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the portal");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>AdminPortal/ of this checkout: the content root (static web assets manifest, appsettings).</summary>
    private static string ProjectFolder() => Path.Combine(Repository.Root, "AdminPortal");

    private async Task WaitUntilHealthyAsync(Process process, string url)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(4);   // the first start migrates and seeds the demo: slow on a busy machine
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The portal exited ({process.ExitCode}):\n{Log}");
            try
            {
                var response = await http.GetAsync($"{url}/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The portal did not become healthy at {url}:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            try { Directory.Delete(_cluster.DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
