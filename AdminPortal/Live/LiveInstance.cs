namespace AdminPortal.Live;

/// <summary>Names this portal instance (one per service provider) for <see cref="ChangeEvent.OriginInstance"/>.</summary>
public sealed class LiveInstance
{
    /// <summary>Short and unique: machine, process, and a random part (two providers in one process differ).</summary>
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private int _circuits;

    /// <summary>Circuits open on this instance, a disconnected one kept for reconnection included.</summary>
    public int OpenCircuits => Volatile.Read(ref _circuits);

    internal void CircuitOpened() => Interlocked.Increment(ref _circuits);

    internal void CircuitClosed() => Interlocked.Decrement(ref _circuits);
}
