using System.Runtime.InteropServices;

namespace AdminPortal.Bench;

/// <summary>
/// Puts the bench itself and its Playwright driver (a node process fed every page's CDP events) below the portal's
/// CPU priority for figure 5b: the tools that watch must not take the CPU from what they time. Linux only (nice is
/// per thread there, so every thread of both processes is lowered); elsewhere a no-op.
/// </summary>
internal static class BenchPriority
{
    private const int Nice = 10;
    private const int PrioProcess = 0;

    public static void LowerBenchAndDriver()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var self = Environment.ProcessId;
        var driver = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == self && CommandLine(pid).Contains("run-driver", StringComparison.Ordinal));
        var lowered = 0;
        foreach (var pid in driver.Prepend(self))
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                if (int.TryParse(Path.GetFileName(task), out var tid) && SetPriority(PrioProcess, tid, Nice) == 0)
                    lowered++;
        Console.WriteLine($"  bench and Playwright driver lowered to nice {Nice} ({lowered} threads); Chromium runs under SCHED_IDLE");
    }

    private static int ParentOf(int pid)
    {
        try { return int.Parse(ProcStat.Fields(pid)[1], System.Globalization.CultureInfo.InvariantCulture); }
        catch (IOException) { return 0; }   // the process ended meanwhile
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline"); }
        catch (IOException) { return ""; }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
#pragma warning disable SYSLIB1054   // LibraryImport would need unsafe code for three ints
    private static extern int SetPriority(int which, int who, int priority);
#pragma warning restore SYSLIB1054
}
