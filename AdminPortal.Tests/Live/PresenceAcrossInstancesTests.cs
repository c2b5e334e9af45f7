using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Live;

public sealed class PresenceAcrossInstancesTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_visit_on_one_instance_shows_on_another_and_leaving_removes_it()
    {
        await using var a = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        await using var b = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        await a.ListeningFeedAsync();
        await b.ListeningFeedAsync();
        var onA = a.GetRequiredService<PresenceTracker>();
        var onB = b.GetRequiredService<PresenceTracker>();

        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = onB.Watch(EntityTypes.Ticket, "42", () =>
        {
            if (onB.Who(EntityTypes.Ticket, "42").Count == 1) arrived.TrySetResult();
            else if (arrived.Task.IsCompleted) left.TrySetResult();
        });

        var visit = onA.Enter(EntityTypes.Ticket, "42", 7, "Asha Rao", "circuit-a");
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Asha Rao", Assert.Single(onB.Who(EntityTypes.Ticket, "42")).UserName);

        visit.Dispose();
        await left.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(onB.Who(EntityTypes.Ticket, "42"));
    }
}
