using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>What every measurement shares: the database, sample counts, and a DbContext made as the services make one.</summary>
public sealed class BenchContext(string connectionString, string databaseLabel, int samples, int warmup) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;
    public string DatabaseLabel { get; } = databaseLabel;
    public int Samples { get; } = samples;
    public int Warmup { get; } = warmup;
    public DateTime StartedAt { get; } = DateTime.UtcNow;
    public NpgsqlDataSource DataSource { get; } = DataSetup.BuildDataSource(connectionString);

    private DbContextOptions<PortalDbContext>? _options;

    /// <summary>One context per operation over the shared data source, as <c>IDbContextFactory</c> gives the services.</summary>
    public PortalDbContext NewDbContext()
    {
        _options ??= (DbContextOptions<PortalDbContext>)DataSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), DataSource).Options;
        return new PortalDbContext(_options);
    }

    /// <summary>The 1-minute load average (Linux), printed beside the figures: the machine is shared.</summary>
    public string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
