using System.Diagnostics;

namespace AdminPortal.Bench;

/// <summary>The portal as a child process (<c>dotnet AdminPortal.dll</c>) on a free loopback port, over the bench database.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }

    /// <summary>The portal's process id (the bench reads its CPU time from /proc).</summary>
    public int Pid => _process.Id;

    /// <summary>From the process's start to its first healthy /healthz answer (polled every 250 ms).</summary>
    public TimeSpan StartToHealthy { get; private set; }

    private PortalProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static string PortalDll()
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(RepoRoot(), "AdminPortal", "bin", config, "net10.0", "AdminPortal.dll");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AdminPortal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("AdminPortal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a verb of the portal (e.g. <c>seed --scale large --reset</c>) to completion, echoing its output.</summary>
    public static async Task<int> RunVerbAsync(string connectionString, params string[] args)
    {
        using var p = Process.Start(Info(connectionString, args))!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("  | " + e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("  | " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    /// <param name="environment">Settings for this portal (e.g. <c>SignIn__Throttle__PerAddressBurst</c>).</param>
    public static async Task<PortalProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Data.Local.EmbeddedPostgres.FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = Info(connectionString, ["--urls", baseAddress.ToString().TrimEnd('/')]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        var starting = Stopwatch.GetTimestamp();
        var p = Process.Start(info)!;
        // BENCH_PORTAL_LOG=FILE keeps the portal's console log (e.g. with Logging__LogLevel__Microsoft.AspNetCore.SignalR=Debug)
        var log = Environment.GetEnvironmentVariable("BENCH_PORTAL_LOG") is { Length: > 0 } path ? TextWriter.Synchronized(File.AppendText(path)) : null;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null && e.Data.Contains("fail", StringComparison.Ordinal)) Console.WriteLine("  portal| " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var portal = new PortalProcess(p, baseAddress);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // BENCH_PORTAL_START_SECONDS: how long to wait for /healthz (120 s; more on a machine at load 50-100)
        var startSeconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PORTAL_START_SECONDS"), out var s) && s > 0 ? s : 120;
        var deadline = DateTime.UtcNow.AddSeconds(startSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (p.HasExited)
                throw new InvalidOperationException($"the portal exited with {p.ExitCode}");
            try
            {
                if ((await http.GetAsync(new Uri(baseAddress, "/healthz"))).IsSuccessStatusCode)
                {
                    portal.StartToHealthy = Stopwatch.GetElapsedTime(starting);
                    return portal;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await portal.DisposeAsync();
        throw new TimeoutException($"the portal did not answer /healthz within {startSeconds} s");
    }

    private static ProcessStartInfo Info(string connectionString, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoRoot(), "AdminPortal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(PortalDll());
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Portal"] = connectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return psi;
    }

    /// <summary>An HttpClient signed in as <paramref name="email"/> by posting the login form (antiforgery token, cookies kept).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password) =>
        (await CircuitClient.PortalSession.SignInAsync(BaseAddress, email, password)).Http;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
