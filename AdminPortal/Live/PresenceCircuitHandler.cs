using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AdminPortal.Live;

/// <summary>Names the current circuit (one DI scope per circuit) for <see cref="PresenceTracker.Enter"/>.</summary>
public sealed class CircuitIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>
/// Drops a circuit's presence the moment the circuit closes (tab closed, disconnected for good), and counts the open
/// circuits for the <c>live</c> health entry.
/// </summary>
public sealed class PresenceCircuitHandler(PresenceTracker presence, CircuitIdentity identity, LiveInstance instance)
    : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        instance.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        instance.CircuitClosed();
        presence.LeaveCircuit(identity.Id);
        return Task.CompletedTask;
    }
}
