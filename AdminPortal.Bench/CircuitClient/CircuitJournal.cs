using System.Collections.Concurrent;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>What many circuits saw, for the report: the JS interop calls the server made (by identifier), and errors.</summary>
public sealed class CircuitJournal
{
    private int _closed;

    public ConcurrentDictionary<string, int> JsCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors in the order they happened (JS.Error from the server, a connection closed by the server).</summary>
    public ConcurrentQueue<(DateTime At, string What)> Errors { get; } = new();

    /// <summary>Circuits whose connection closed without the client asking.</summary>
    public int Closed => Volatile.Read(ref _closed);

    internal void JsCall(string identifier) => JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);

    internal void Error(string what) => Errors.Enqueue((DateTime.UtcNow, what));

    internal void ClosedByServer(string why)
    {
        Interlocked.Increment(ref _closed);
        Error(why);
    }
}
