using System.Diagnostics;

namespace AdminPortal.E2E.Infrastructure;

/// <summary>One portal process a test started and stops itself (<see cref="PortalServer.StartInstanceAsync"/>).</summary>
public sealed class PortalInstance(Process process, string url) : IAsyncDisposable
{
    internal Process Process { get; } = process;

    public string Url { get; } = url;

    /// <summary>SIGTERM, as systemd, Docker or Kubernetes stop a service: the portal drains, then exits.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -TERM {Process.Id} exited {kill.ExitCode}");
    }

    /// <summary>True once the process has exited, false if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int? ExitCode => Process.HasExited ? Process.ExitCode : null;

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
    }
}
