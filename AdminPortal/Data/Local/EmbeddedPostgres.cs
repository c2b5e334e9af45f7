using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace AdminPortal.Data.Local;

/// <summary>
/// A private PostgreSQL cluster driven through initdb/pg_ctl: created on first use, started on a free loopback port,
/// stopped on dispose. Used by the portal when no connection string is configured, and by the test fixtures.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    /// <summary>Owns the portal's database and runs its migrations (no superuser, no CREATEROLE).</summary>
    public const string OwnerRole = "adminportal_owner";
    /// <summary>The role the portal runs as: reads and writes rows, no DDL (Data/DatabaseRoles.cs).</summary>
    public const string PortalRole = "adminportal_portal";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly Action<string> _log;
    private readonly bool _throwaway;
    private readonly bool _streamsWal;
    private readonly string _extraServerOptions;
    private bool _started;

    private EmbeddedPostgres(string dataDirectory, string binDirectory, int port, Action<string> log, bool throwaway = false,
        bool streamsWal = false, string? extraServerOptions = null)
    {
        _extraServerOptions = string.IsNullOrWhiteSpace(extraServerOptions) ? "" : " " + extraServerOptions.Trim();
        _throwaway = throwaway;
        _streamsWal = streamsWal;
        _dataDirectory = Path.GetFullPath(dataDirectory);
        _binDirectory = binDirectory;
        Port = port;
        _log = log;
        _runAsPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; }
    /// <summary>Where initdb, pg_ctl and pg_basebackup are.</summary>
    public string BinDirectory => _binDirectory;
    public string DataDirectory => _dataDirectory;
    public string LogFile => Path.Combine(_dataDirectory, "postgres.log");
    private string ClusterDirectory => Path.Combine(_dataDirectory, "cluster");
    private string PasswordFile => Path.Combine(_dataDirectory, "superuser.password");

    /// <summary>As the superuser: creating databases and roles, and the bulk load of the demo (Development only).</summary>
    public string ConnectionString(string database) => Connection(database, SuperUser, PasswordFile);

    public string OwnerConnectionString(string database) => Connection(database, OwnerRole, RolePasswordFile(OwnerRole));

    public string PortalConnectionString(string database) => Connection(database, PortalRole, RolePasswordFile(PortalRole));

    private string Connection(string database, string user, string passwordFile) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Password = File.ReadAllText(passwordFile).Trim(),
        Database = database,
    }.ConnectionString;

    private string RolePasswordFile(string role) => Path.Combine(_dataDirectory, role + ".password");

    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        var data = string.IsNullOrWhiteSpace(options.DataDirectory)
            ? EmbeddedPostgresOptions.DefaultDataDirectory() : options.DataDirectory;
        if (string.IsNullOrWhiteSpace(options.BinDirectory) && FindBinDirectoryOrNull() is null)
            await InstallServerPackageAsync(log, cancellationToken);
        var bin = string.IsNullOrWhiteSpace(options.BinDirectory) ? FindBinDirectory() : options.BinDirectory;
        var port = options.Port > 0 ? options.Port : FreeLoopbackPort();
        var cluster = new EmbeddedPostgres(data, bin, port, log, options.Throwaway, options.StreamsWal, options.ExtraServerOptions);
        await cluster.InitialiseAsync(cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        await cluster.EnsureDatabaseAsync(options.Database, cancellationToken);
        return cluster;
    }

    private static string FindBinDirectory() => FindBinDirectoryOrNull() ?? throw new InvalidOperationException(
        "No PostgreSQL server binaries found: put initdb/pg_ctl on PATH (Debian: apt-get install postgresql), " +
        "set EmbeddedPostgres:BinDirectory, or configure ConnectionStrings:Portal.");

    /// <summary>On a bare Debian machine run as root, the embedded default installs Debian's server package itself.</summary>
    private static async Task InstallServerPackageAsync(Action<string> log, CancellationToken ct)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            return;
        log("No PostgreSQL server binaries found: installing Debian's postgresql package");
        await RunProcessAsync("apt-get", ["update", "-qq"], ct, throwOnError: false);
        await RunProcessAsync("apt-get", ["install", "-y", "-qq", "postgresql"], ct, throwOnError: false);
    }

    private static string? FindBinDirectoryOrNull()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "pg_ctl");
            if (File.Exists(candidate))
                return Path.GetDirectoryName(ResolveLink(candidate))!;
        }
        var debianDirs = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().ToArray() : [];
        foreach (var dir in debianDirs)
        {
            if (File.Exists(Path.Combine(dir, "bin", "pg_ctl")))
                return Path.Combine(dir, "bin");
        }
        return null;
    }

    private static string ResolveLink(string file)
    {
        var target = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? file;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task InitialiseAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_dataDirectory);
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
            return;
        _log($"Creating a private PostgreSQL cluster in {ClusterDirectory}");
        await File.WriteAllTextAsync(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await GiveToPostgresUserAsync(ct);
        // Collation "C" (bytewise, the same order as glibc's C.UTF-8: code points) with C.UTF-8 character classes (ILIKE
        // and lower() still fold non-ASCII letters): PostgreSQL 15 knows only "C"/"POSIX" as bytewise, so under C.UTF-8
        // every text sort and index build called strcoll without abbreviated keys; with "C" they are several times faster.
        string[] initdb = ["-D", ClusterDirectory, "-U", SuperUser, "--pwfile", PasswordFile,
            "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--lc-collate=C"];
        await RunAsync("initdb", _throwaway ? [.. initdb, "--no-sync"] : initdb, ct);
    }

    private async Task GiveToPostgresUserAsync(CancellationToken ct)
    {
        if (!_runAsPostgresUser || OperatingSystem.IsWindows())
            return;
        await RunProcessAsync("chown", ["-R", "postgres:postgres", _dataDirectory], ct);
        // every folder above must be traversable by the postgres user
        for (var dir = Path.GetDirectoryName(_dataDirectory); !string.IsNullOrEmpty(dir) && dir != "/";
             dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
        }
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        if (await RunAsync("pg_ctl", ["status", "-D", ClusterDirectory], ct, throwOnError: false) == 0)
        {
            _log("A previous run left the private PostgreSQL cluster running; restarting it on a new port");
            await RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w"], ct, throwOnError: false);
        }
        // A loopback development cluster, tuned for the large demo load (seed --scale large):
        //  wal_level=minimal + max_wal_senders=0: no replicas or archive here, and COPY / CREATE INDEX into a table
        //    emptied in the same transaction skip WAL entirely (the load's BulkLoad does exactly that);
        //  max_wal_size=4GB + checkpoint_timeout=30min: no checkpoint in the middle of a load (each one makes the next
        //    write of every page log a full-page image); crash recovery of a dev cluster may take a little longer;
        //  fsync stays on: the embedded default keeps its data between runs. A throwaway cluster (the test fixtures, see
        //    EmbeddedPostgresOptions.Throwaway) is deleted after the run, so it skips the flushes to disk (fsync=off,
        //    full_page_writes=off; decision 0035): commits still write their WAL before they return, so a server stop or
        //    restart (the outage tests) keeps every committed row; only a crash of the machine itself could lose data.
        var durability = _throwaway ? "-c fsync=off -c full_page_writes=off " : "-c fsync=on ";
        // A cluster that feeds a streaming standby (EmbeddedPostgresOptions.StreamsWal: the replica tests) logs what a
        // standby replays instead.
        var wal = _streamsWal ? "-c wal_level=replica -c max_wal_senders=4 " : "-c wal_level=minimal -c max_wal_senders=0 ";
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
                            "-c max_connections=200 -c shared_buffers=256MB " + durability + wal +
                            "-c max_wal_size=4GB -c checkpoint_timeout=30min" + _extraServerOptions;
        await RunAsync("pg_ctl", ["start", "-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions], ct);
        _started = true;
        _log($"Private PostgreSQL cluster running on 127.0.0.1:{Port}, data in {ClusterDirectory}, log in {LogFile}");
    }

    /// <summary>
    /// Stops the server as an operator would (<c>pg_ctl stop -m fast</c>: open sessions are ended, transactions in
    /// flight roll back) and keeps the cluster; <see cref="StartAgainAsync"/> brings it back on the same port. For the
    /// outage tests and the bench, on a cluster of their own.
    /// </summary>
    public Task StopServerAsync(CancellationToken ct = default) =>
        RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], ct);

    /// <summary>Starts the server stopped by <see cref="StopServerAsync"/> again, on the same port.</summary>
    public Task StartAgainAsync(CancellationToken ct = default) => StartServerAsync(ct);

    /// <summary><c>pg_ctl restart -m fast</c>: ends every session, starts again on the same port with the same options.</summary>
    public Task RestartServerAsync(CancellationToken ct = default) =>
        RunAsync("pg_ctl", ["restart", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60", "-l", LogFile], ct);

    /// <summary>The database exists, belongs to the owner role, and lets the portal's role connect.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        await EnsureRolesAsync(conn, database, ct);
    }

    /// <summary>
    /// The owner and the portal's role, with their own passwords (files beside the superuser's); the database belongs
    /// to the owner, and what an earlier build made as the superuser is handed to the owner.
    /// </summary>
    private async Task EnsureRolesAsync(NpgsqlConnection conn, string database, CancellationToken ct)
    {
        foreach (var role in new[] { OwnerRole, PortalRole })
        {
            var file = RolePasswordFile(role);
            if (!File.Exists(file))
            {
                await File.WriteAllTextAsync(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
                if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var password = (await File.ReadAllTextAsync(file, ct)).Trim();
            await using var ensure = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                    END IF;
                END $$;
                ALTER ROLE {role} WITH LOGIN PASSWORD '{password}';
                """, conn);
            await ensure.ExecuteNonQueryAsync(ct);
        }
        var quoted = "\"" + database.Replace("\"", "", StringComparison.Ordinal) + "\"";
        await using (var own = new NpgsqlCommand($"ALTER DATABASE {quoted} OWNER TO {OwnerRole}; REVOKE ALL ON DATABASE {quoted} FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE {quoted} TO {PortalRole};", conn))
            await own.ExecuteNonQueryAsync(ct);
        await using var inDatabase = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString);
        await inDatabase.OpenAsync(ct);
        await using var adopt = new NpgsqlCommand(AdoptSql, inDatabase);
        await adopt.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Schemas, tables, sequences, views, functions and types the superuser made (not an extension's) go to the owner.</summary>
    private const string AdoptSql = $$"""
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT n.nspname FROM pg_namespace n
                     WHERE n.nspowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\_%'
                       AND n.nspname NOT IN ('information_schema', 'public') LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO {{OwnerRole}}', r.nspname);
            END LOOP;
            FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                       AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i')) LOOP
                EXECUTE format('ALTER TABLE %s OWNER TO {{OwnerRole}}', r.name);
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE p.proowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {{OwnerRole}}', r.name);
            END LOOP;
            FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE t.typowner = 'postgres'::regrole AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
                       AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER TYPE %s OWNER TO {{OwnerRole}}', r.name);
            END LOOP;
        END $$;
        """;

    public async ValueTask DisposeAsync()
    {
        if (!_started)
            return;
        _started = false;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w"], CancellationToken.None, throwOnError: false);
        _log("Private PostgreSQL cluster stopped");
    }

    private Task<int> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", exe, .. args], ct, throwOnError)
            : RunProcessAsync(exe, args, ct, throwOnError);
    }

    private static async Task<int> RunProcessAsync(string file, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        // pg_ctl start leaves the postmaster holding the pipes; read until the tool itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (throwOnError && process.ExitCode != 0)
        {
            var err = stderr.IsCompleted ? await stderr : "";
            var output = stdout.IsCompleted ? await stdout : "";
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {err}{output}");
        }
        return process.ExitCode;
    }
}
