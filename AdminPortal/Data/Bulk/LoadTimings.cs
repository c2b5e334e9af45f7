using Npgsql;

namespace AdminPortal.Data.Bulk;

/// <summary>The phases of one demo load and their durations, printed as a table at the end and kept for benchmarks.</summary>
public static class LoadTimings
{
    /// <summary>One load's phases. Each load keeps its own (see <see cref="Clear"/>): loads side by side in one process
    /// (the tests' collections) never read or empty each other's.</summary>
    private sealed class Book
    {
        public readonly List<(string Phase, TimeSpan Duration)> Phases = [];
        public readonly Dictionary<string, TimeSpan> BackendCpu = [];
    }

    private static readonly AsyncLocal<Book?> Current = new();
    private static readonly Book Elsewhere = new();   // phases recorded outside any load's flow (a part run on its own)

    private static Book Active => Current.Value ?? Elsewhere;

    /// <summary>
    /// Empties the book of this flow's load, or starts one for this flow and the tasks it starts from here on: the
    /// demo load calls it first, so its parts (run on tasks it starts) record into it, and a caller that calls it
    /// before the load reads the same book after it.
    /// </summary>
    public static void Clear()
    {
        if (Current.Value is { } book)
            lock (book)
            {
                book.Phases.Clear();
                book.BackendCpu.Clear();
            }
        else
            Current.Value = new Book();
    }

    public static void Record(string phase, TimeSpan duration, TimeSpan? backendCpu = null)
    {
        var book = Active;
        lock (book)
        {
            book.Phases.Add((phase, duration));
            if (backendCpu is { } cpu)
                book.BackendCpu[phase] = cpu;
        }
        Console.WriteLine($"  {phase}: {duration.TotalSeconds:F1} s" + (backendCpu is { } c ? $" (server backend CPU {c.TotalSeconds:F1} s)" : ""));
    }

    /// <summary>
    /// CPU time (user + system) a server backend on this machine has used so far, from /proc (the embedded cluster);
    /// null where the server is elsewhere or /proc is not readable. Parallel index-build workers are not counted.
    /// </summary>
    public static TimeSpan? BackendCpuOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields from the state on: utime is the 12th (index 11), stime the 13th
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                        long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);   // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static IReadOnlyList<(string Phase, TimeSpan Duration)> Snapshot()
    {
        var book = Active;
        lock (book)
            return [.. book.Phases];
    }

    public static void PrintTable(TextWriter output, TimeSpan total)
    {
        var phases = Snapshot();
        var width = Math.Max(24, phases.Count == 0 ? 0 : phases.Max(p => p.Phase.Length));
        Dictionary<string, TimeSpan> cpu;
        var book = Active;
        lock (book)
            cpu = new(book.BackendCpu);
        output.WriteLine($"{"phase".PadRight(width)}  seconds  backend CPU s");
        foreach (var (phase, duration) in phases)
            output.WriteLine($"{phase.PadRight(width)}  {duration.TotalSeconds,7:F1}" +
                             (cpu.TryGetValue(phase, out var c) ? $"  {c.TotalSeconds,13:F1}" : ""));
        output.WriteLine($"{"total (wall clock)".PadRight(width)}  {total.TotalSeconds,7:F1}");
    }

    /// <summary>
    /// Keeps the phases of the last load of each scale in <c>public.demo_load_phases</c>, a bookkeeping table outside
    /// the EF model (so <c>seed --reset</c> keeps it), read by the benchmark when it finds the data already loaded.
    /// </summary>
    public static async Task SaveAsync(NpgsqlDataSource dataSource, string scale, TimeSpan total, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await BulkLoad.ExecuteAsync(conn, """
            CREATE TABLE IF NOT EXISTS public.demo_load_phases (
                scale text NOT NULL, position int NOT NULL, phase text NOT NULL, seconds double precision NOT NULL,
                loaded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scale, position))
            """, ct);
        await using (var delete = new NpgsqlCommand("DELETE FROM public.demo_load_phases WHERE scale = $1", conn))
        {
            delete.Parameters.Add(new() { Value = scale });
            await delete.ExecuteNonQueryAsync(ct);
        }
        var rows = Snapshot().Append(("total (wall clock)", total)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO public.demo_load_phases (scale, position, phase, seconds) VALUES ($1, $2, $3, $4)", conn);
            insert.Parameters.Add(new() { Value = scale });
            insert.Parameters.Add(new() { Value = i });
            insert.Parameters.Add(new() { Value = rows[i].Item1 });
            insert.Parameters.Add(new() { Value = rows[i].Item2.TotalSeconds });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
