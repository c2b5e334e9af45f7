using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AdminPortal.Live;

/// <summary>Names the current circuit (one DI scope per circuit) for <see cref="PresenceTracker.Enter"/>.</summary>
public sealed class CircuitIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>Drops a circuit's presence the moment the circuit closes (tab closed, disconnected for good).</summary>
public sealed class PresenceCircuitHandler(PresenceTracker presence, CircuitIdentity identity) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.LeaveCircuit(identity.Id);
        return Task.CompletedTask;
    }
}
