using System.Diagnostics;
using AdminPortal.Data.Local;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>
/// A real hot standby of a test cluster: <c>pg_basebackup -R</c> from the primary (which must stream WAL:
/// <see cref="EmbeddedPostgresOptions.StreamsWal"/>) into a sibling temp folder, started on its own loopback port,
/// replaying the primary's WAL as it streams in. Run as the postgres user, like the primary (EmbeddedPostgres).
/// </summary>
public sealed class StreamingStandby : IAsyncDisposable
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(30);
    private readonly EmbeddedPostgres _primary;
    private readonly string _folder;
    private readonly string _database;
    private bool _running;

    private StreamingStandby(EmbeddedPostgres primary, string folder, int port, string database)
    {
        (_primary, _folder, Port, _database) = (primary, folder, port, database);
    }

    public int Port { get; }
    private string ClusterDirectory => Path.Combine(_folder, "cluster");

    /// <summary>As the superuser, on the standby (pausing and resuming replay).</summary>
    public string SuperuserConnectionString => new NpgsqlConnectionStringBuilder(_primary.ConnectionString(_database))
    {
        Port = Port, Pooling = false,
    }.ConnectionString;

    private string PrimarySuperuser => new NpgsqlConnectionStringBuilder(_primary.ConnectionString(_database)) { Pooling = false }.ConnectionString;

    public static async Task<StreamingStandby> CreateAsync(EmbeddedPostgres primary, int port, string database)
    {
        var standby = new StreamingStandby(primary, primary.DataDirectory + "-standby", port, database);
        Directory.CreateDirectory(standby._folder);
        if (Environment.UserName == "root")
            await RunAsync("chown", ["postgres:postgres", standby._folder]);
        var source = new NpgsqlConnectionStringBuilder(primary.ConnectionString("postgres"));
        await standby.RunToolAsync("pg_basebackup", ["-D", standby.ClusterDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync",
            "-d", $"host=127.0.0.1 port={primary.Port} user={source.Username} password={source.Password}"]);
        await standby.StartAsync();
        return standby;
    }

    /// <summary>Starts (again) on the same port; replay resumes where it stopped.</summary>
    public async Task StartAsync()
    {
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 " +
                      "-c shared_buffers=64MB -c fsync=off -c full_page_writes=off -c hot_standby=on " +
                      "-c wal_level=replica -c max_wal_senders=4";
        await RunToolAsync("pg_ctl", ["start", "-D", ClusterDirectory, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60", "-o", options]);
        _running = true;
    }

    /// <summary><c>pg_ctl stop -m fast</c>: the standby goes away, its open connections are ended.</summary>
    public async Task StopAsync()
    {
        _running = false;
        await RunToolAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"]);
    }

    /// <summary><c>pg_wal_replay_pause()</c>: WAL still arrives, nothing of it becomes visible (a standby that lags).</summary>
    public Task PauseReplayAsync() => ExecuteAsync(SuperuserConnectionString, "SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => ExecuteAsync(SuperuserConnectionString, "SELECT pg_wal_replay_resume()");

    /// <summary>Waits (at most 30 s) until the standby has replayed everything the primary has written so far.</summary>
    public async Task CatchUpAsync()
    {
        NpgsqlLogSequenceNumber target;
        await using (var primary = new NpgsqlConnection(PrimarySuperuser))
        {
            await primary.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()", primary);
            target = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync())!;
        }
        var watch = Stopwatch.StartNew();
        await using var standby = new NpgsqlConnection(SuperuserConnectionString);
        await standby.OpenAsync();
        while (true)
        {
            await using var check = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1", standby)
            {
                Parameters = { new NpgsqlParameter { Value = target, NpgsqlDbType = NpgsqlDbType.PgLsn } },
            };
            if (await check.ExecuteScalarAsync() is true)
                return;
            if (watch.Elapsed > CatchUpLimit)
                throw new TimeoutException($"The standby did not replay up to {target} within {CatchUpLimit}.");
            await Task.Delay(50);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task RunToolAsync(string tool, string[] args)
    {
        var exe = Path.Combine(_primary.BinDirectory, tool);
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args]) : RunAsync(exe, args);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args.Where(a => !a.Contains("password", StringComparison.Ordinal)))} " +
                                                $"exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            NpgsqlConnection.ClearAllPools();
            try { await StopAsync(); }
            catch (InvalidOperationException) { /* already gone */ }
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}
