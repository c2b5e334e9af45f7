using AdminPortal.Components.Shared;
using AdminPortal.Security;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Components.Shared;

public sealed class ActionGateTests
{
    [Fact]
    public async Task Runs_one_action_at_a_time_and_keeps_its_outcome()
    {
        var gate = new ActionGate();
        var release = new TaskCompletionSource();
        var first = gate.RunAsync(async () => { await release.Task; return Outcome.Done("First."); });
        Assert.True(gate.Busy);
        Assert.Null(await gate.RunAsync(() => Task.FromResult(Outcome.Done("Second."))));
        release.SetResult();
        Assert.Equal("First.", (await first)!.Message);
        Assert.False(gate.Busy);
        Assert.Equal("First.", gate.Last!.Message);
    }

    [Fact]
    public async Task A_refused_access_becomes_denied_instead_of_an_exception()
    {
        var gate = new ActionGate();
        var outcome = await gate.RunAsync(() => throw new AccessDeniedException("Admins only."));
        Assert.Equal(OutcomeKind.Denied, outcome!.Kind);
        Assert.True(gate.Denied);
        Assert.False(gate.Busy);
        Assert.Null(await gate.ReadAsync<string>(() => throw new AccessDeniedException("no")));
    }

    [Fact]
    public async Task Unexpected_exceptions_still_surface_and_free_the_gate()
    {
        var gate = new ActionGate();
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync(() => throw new InvalidOperationException()));
        Assert.False(gate.Busy);
    }

    [Fact]
    public async Task A_database_out_of_reach_becomes_an_unavailable_outcome_for_an_action_and_a_flag_for_a_read()
    {
        var gate = new ActionGate();
        var outcome = await gate.RunAsync(() => throw new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432",
            new System.Net.Sockets.SocketException(111)));
        Assert.Equal(OutcomeKind.Unavailable, outcome!.Kind);
        Assert.Equal(Outcome.UnavailableMessage, gate.Last!.Message);
        Assert.False(gate.Busy);
        Assert.False(gate.Denied);

        Assert.Null(await gate.ReadAsync<string>(() => throw new TimeoutException()));
        Assert.True(gate.Unavailable);
        Assert.Equal("rows", await gate.ReadAsync(() => Task.FromResult("rows")));
        Assert.False(gate.Unavailable);
    }
}
