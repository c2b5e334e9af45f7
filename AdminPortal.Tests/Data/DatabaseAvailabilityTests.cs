using AdminPortal.Components.Layout;
using AdminPortal.Data;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdminPortal.Tests.Data;

public sealed class DatabaseAvailabilityTests : MudBunitContext
{
    // never connected to: the state's transitions touch the pool only to clear it
    private readonly NpgsqlDataSource _nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=1");

    private DatabaseAvailability NewAvailability() =>
        new(_nowhere, TimeProvider.System, NullLogger<DatabaseAvailability>.Instance);

    [Theory]
    [InlineData("57P01", true)]    // terminating connection due to administrator command (pg_ctl stop/restart -m fast)
    [InlineData("57P03", true)]    // the database system is starting up
    [InlineData("08006", true)]    // connection failure
    [InlineData("23505", false)]   // a unique violation is the caller's business
    [InlineData("40001", false)]   // a serialization failure is retried or reported by the action, not an outage
    public void Server_errors_count_as_an_outage_only_for_connection_and_shutdown_states(string sqlState, bool outage) =>
        Assert.Equal(outage, DatabaseFaults.IsUnavailable(new PostgresException("msg", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void Client_side_connection_failures_count_wrapped_or_not_and_a_cancelled_read_does_not()
    {
        Assert.True(DatabaseFaults.IsUnavailable(new NpgsqlException("Exception while reading from stream")));
        Assert.True(DatabaseFaults.IsUnavailable(new Microsoft.EntityFrameworkCore.DbUpdateException("save", new NpgsqlException("broken"))));
        Assert.False(DatabaseFaults.IsUnavailable(new OperationCanceledException("newer view", new PostgresException("c", "ERROR", "ERROR", "57014"))));
        Assert.False(DatabaseFaults.IsUnavailable(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_listener_takes_it_down_and_brings_it_back_and_other_failures_leave_it_alone()
    {
        using var availability = NewAvailability();
        var changes = new List<bool>();
        availability.Changed += () => changes.Add(availability.IsAvailable);

        Assert.False(availability.ReportFailure(new InvalidOperationException("a bug")));
        Assert.True(availability.IsAvailable);
        availability.ListenerLost();
        Assert.False(availability.IsAvailable);
        Assert.NotNull(availability.DownSince);
        availability.ListenerLost();
        availability.ListenerRestored();

        Assert.True(availability.IsAvailable);
        Assert.Null(availability.DownSince);
        Assert.Equal([false, true], changes);
        Assert.Equal(1, availability.Outages);
    }

    [Fact]
    public void A_failed_read_takes_it_down_until_the_database_answers_again()
    {
        using var availability = NewAvailability();
        Assert.True(availability.ReportFailure(new NpgsqlException("Failed to connect")));
        Assert.False(availability.IsAvailable);   // the probe cannot reach port 1: it stays down
        availability.ListenerRestored();          // a listener that reconnects proves the database answers
        Assert.True(availability.IsAvailable);
    }

    [Fact]
    public void The_banner_shows_while_the_database_is_out_of_reach_and_goes_when_it_is_back()
    {
        using var availability = NewAvailability();
        Services.AddSingleton(availability);
        var banner = RenderWithMud<DatabaseBanner>();
        Assert.Equal("true", banner.Find("[data-testid=database-banner]").GetAttribute("data-available"));
        Assert.DoesNotContain("Reconnecting", banner.Markup);

        availability.ListenerLost();
        banner.WaitForAssertion(() => Assert.Contains("Reconnecting to the database…", banner.Markup));
        Assert.Equal("status", banner.Find("[data-testid=database-banner]").GetAttribute("role"));

        availability.ListenerRestored();
        banner.WaitForAssertion(() => Assert.DoesNotContain("Reconnecting", banner.Markup));
    }
}
