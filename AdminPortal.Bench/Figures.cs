using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AdminPortal.Bench;

/// <summary>One measured figure: what it measures, its samples' median and p95, and its target (null: none).</summary>
public sealed record Figure(string Group, string Name, string Measures, string Unit, double Median, double P95, int Samples,
    double? TargetP95 = null, string? Note = null)
{
    public string Verdict => TargetP95 is null ? "" : P95 <= TargetP95 ? "ok" : "MISS";

    public static Figure From(string group, string name, string measures, IReadOnlyList<double> samplesMs,
        double? targetP95 = null, string? note = null, string unit = "ms") =>
        new(group, name, measures, unit, Stats.Percentile(samplesMs, 0.5), Stats.Percentile(samplesMs, 0.95),
            samplesMs.Count, targetP95, note);
}

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
            return double.NaN;
        var sorted = samples.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times unmeasured, then times each of <paramref name="samples"/> runs.</summary>
    public static async Task<List<double>> TimeAsync(int warmup, int samples, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++)
            await action();
        var result = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            result.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return result;
    }
}

public static class Report
{
    public static void Print(TextWriter output, IReadOnlyList<Figure> figures)
    {
        var ci = CultureInfo.InvariantCulture;
        foreach (var group in figures.GroupBy(f => f.Group))
        {
            output.WriteLine();
            output.WriteLine($"== {group.Key}");
            output.WriteLine($"{"figure",-58} {"median",9} {"p95",9} {"n",5} {"target p95",11}  verdict");
            foreach (var f in group)
            {
                var target = f.TargetP95 is null ? "" : $"< {f.TargetP95.Value.ToString("0.###", ci)} {f.Unit}";
                output.WriteLine($"{f.Name,-58} {f.Median.ToString("0.000", ci),9} {f.P95.ToString("0.000", ci),9} {f.Samples,5} {target,11}  {f.Verdict}");
                output.WriteLine($"    measures: {f.Measures} ({f.Unit}){(f.Note is null ? "" : "; " + f.Note)}");
            }
        }
        var misses = figures.Where(f => f.Verdict == "MISS").ToList();
        output.WriteLine();
        output.WriteLine(misses.Count == 0 ? "All figures with a target meet it." : $"MISS: {misses.Count} figure(s) miss their target:");
        foreach (var f in misses)
            output.WriteLine($"  MISS {f.Group} / {f.Name}: p95 {f.P95.ToString("0.000", ci)} {f.Unit}, target < {f.TargetP95!.Value.ToString("0.###", ci)} {f.Unit}");
    }

    public static async Task WriteJsonAsync(string path, BenchContext context, IReadOnlyList<Figure> figures)
    {
        var doc = new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), loadAverage = context.LoadAverage() },
            startedAt = context.StartedAt,
            database = context.DatabaseLabel,
            figures = figures.Select(f => new { f.Group, f.Name, f.Measures, f.Unit, f.Median, f.P95, f.Samples, f.TargetP95, f.Verdict, f.Note }),
        };
        // A figure that failed to measure has NaN for its median and p95: written as the string "NaN", not a crash.
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }
}
