namespace AdminPortal.Data.Local;

/// <summary>Settings of the private PostgreSQL cluster started when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    public const string Section = "EmbeddedPostgres";

    /// <summary>Folder holding initdb, pg_ctl and postgres; empty means "find them on PATH".</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The cluster's data folder, kept between runs. Empty means the default under the local data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The database the portal uses inside the cluster.</summary>
    public string Database { get; set; } = "adminportal";

    /// <summary>Loopback port; 0 picks a free one at each start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// A cluster deleted after use (the test fixtures): no flush to disk (initdb --no-sync, fsync=off,
    /// full_page_writes=off). Never for a cluster whose data should survive a crash of the machine (decision 0035).
    /// </summary>
    public bool Throwaway { get; set; }

    /// <summary>
    /// wal_level=replica with WAL senders, so <c>pg_basebackup -R</c> can make a streaming standby of it (the replica
    /// tests, decision 0041). Off by default: wal_level=minimal keeps the demo load's bulk COPY out of the WAL.
    /// </summary>
    public bool StreamsWal { get; set; }

    /// <summary>
    /// More server settings for the private cluster, appended to the ones it starts with (a later <c>-c</c> wins), e.g.
    /// <c>-c max_parallel_maintenance_workers=0</c>: for measuring the large load under other settings. Empty by default.
    /// </summary>
    public string? ExtraServerOptions { get; set; }

    public static string DefaultDataDirectory()
    {
        // root's home is not traversable by the postgres user the cluster must run as, so root gets a system folder.
        if (Environment.UserName == "root")
            return "/var/lib/adminportal/postgres";
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(local, "AdminPortal", "postgres");
    }
}
