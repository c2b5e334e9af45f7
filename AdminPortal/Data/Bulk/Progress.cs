namespace AdminPortal.Data.Bulk;

/// <summary>A progress line every tenth of a large COPY (cheap enough to call per row).</summary>
public static class Progress
{
    public static void Report(string what, long done, long total)
    {
        var step = Math.Max(1, total / 10);
        if (done % step == 0 || done == total)
            Console.WriteLine($"  {what}: {done:N0} / {total:N0} ({100 * done / total}%) at {DateTime.Now:HH:mm:ss}");
    }
}
