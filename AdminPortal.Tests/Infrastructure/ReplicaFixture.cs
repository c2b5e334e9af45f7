using AdminPortal.Data;
using AdminPortal.Data.Local;
using AdminPortal.Data.Reads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>
/// A throwaway primary that streams its WAL, and a real hot standby of it (<see cref="StreamingStandby"/>); the
/// portal's services read through ConnectionStrings:PortalReadOnly = the standby, then the primary, with
/// <c>Target Session Attributes=prefer-standby</c> (decision 0041). Its own collection: its two clusters serve no other test.
/// </summary>
public sealed class ReplicaFixture : PostgresFixture
{
    private readonly int _standbyPort = EmbeddedPostgres.FreeLoopbackPort();
    private StreamingStandby? _standby;

    public StreamingStandby Standby => _standby ?? throw new InvalidOperationException("fixture not started");

    /// <summary>The read-only connection string the services use: standby first, the primary last.</summary>
    public string ReadOnlyConnectionString { get; private set; } = "";

    protected override bool StreamsWal => true;

    protected override IReadOnlyDictionary<string, string?> Settings()
    {
        ReadOnlyConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Host = $"127.0.0.1:{_standbyPort},127.0.0.1:{Cluster.Port}",
            TargetSessionAttributes = "prefer-standby",
            HostRecheckSeconds = 1,   // Npgsql's default 10 s: how long a standby that went away is skipped once back
        }.ConnectionString;
        return new Dictionary<string, string?> { [$"ConnectionStrings:{PortalDatabase.ReadOnlyConnectionStringName}"] = ReadOnlyConnectionString };
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _standby = await StreamingStandby.CreateAsync(Cluster, _standbyPort, "adminportal_tests");
        await _standby.CatchUpAsync();
    }

    /// <summary>Waits (at most 30 s) until a read lands on the standby again, e.g. after it was stopped and started.</summary>
    public async Task ReadsOnTheStandbyAsync()
    {
        var reads = Services.GetRequiredService<ReadReplica>();
        for (var watch = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(200))
        {
            await using (var db = await reads.TryOpenAsync(null, CancellationToken.None))
            {
                if (db is not null && await db.Database.SqlQuery<bool>($"SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync())
                    return;
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("Reads did not return to the standby within 30 s.");
        }
    }

    public override async Task DisposeAsync()
    {
        if (_standby is not null)
            await _standby.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The replica tests, on their own pair of clusters, beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaFixture>
{
    public const string Name = "database-replica";
}
