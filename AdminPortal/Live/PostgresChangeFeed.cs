using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace AdminPortal.Live;

/// <summary>
/// The change feed across instances: publishing is <c>pg_notify('portal_changes', json)</c>; each instance holds ONE
/// dedicated connection that LISTENs (never one per circuit) and hands what arrives to its local subscribers.
/// </summary>
/// <remarks>
/// The publisher hears its own notification like every other instance and delivers locally only then, so local
/// subscribers get each event once and every instance sees the same order. When the listening connection drops, it
/// reconnects with capped exponential backoff and then delivers a resync. Started lazily by the first subscription
/// or by the host (it is also registered as a hosted service), stopped by the host or on dispose.
/// Any role that can connect may NOTIFY (decision 0013): every payload is <c>signature.json</c>, the signature a Data
/// Protection payload (the key ring the instances share, purpose <see cref="NotifyPurpose"/>: AES-256-CBC with
/// HMAC-SHA256) over the SHA-256 of the JSON; the listener drops an unsigned or wrongly signed payload, then checks
/// the shape (<see cref="ChangePayloadRules"/>).
/// </remarks>
public sealed class PostgresChangeFeed : IChangeFeed, IHostedService, IAsyncDisposable, IDisposable
{
    public const string Channel = "portal_changes";
    public const int MaxPayloadBytes = 7700;   // of JSON: the signature adds about 150 bytes (NOTIFY's limit: 8,000)

    /// <summary>The Data Protection purpose the payloads are signed under.</summary>
    public const string NotifyPurpose = "AdminPortal.Live.Notify";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresChangeFeed> _logger;
    private readonly ChangeDispatcher _dispatcher;
    private readonly IDataProtector _signer;
    private readonly DatabaseAvailability? _availability;
    private readonly RecentWrites? _writes;
    private readonly string _listenConnectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _disposed;

    public PostgresChangeFeed(PortalDatabase database, NpgsqlDataSource dataSource, LiveInstance instance,
        TimeProvider clock, ILogger<PostgresChangeFeed> logger, IDataProtectionProvider protection,
        DatabaseAvailability? availability = null, RecentWrites? writes = null)
    {
        _availability = availability;
        _writes = writes;
        _signer = protection.CreateProtector(NotifyPurpose);
        _dataSource = dataSource;
        _clock = clock;
        _logger = logger;
        InstanceId = instance.Id;
        ListenerApplicationName = $"AdminPortal.Live:{instance.Id[^8..]}";
        _listenConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = ListenerApplicationName,
            Pooling = false,        // a dedicated connection: a broken one must never go back to a pool
            KeepAlive = 15,         // notices a silently dead server while idle in WaitAsync
            TcpKeepAlive = true,
            Timeout = 5,            // a reconnect attempt against a server that is down gives up quickly
        }.ConnectionString;
        _dispatcher = new ChangeDispatcher(logger);
    }

    public string InstanceId { get; }

    /// <summary>The listening connection's application_name (find it in pg_stat_activity).</summary>
    public string ListenerApplicationName { get; }

    public int SubscriberCount => _dispatcher.SubscriberCount;

    /// <summary>Backoff after the first failed reconnect; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(250);
    /// <remarks>5 s: after an outage of any length the listener is back (and has resynced) within about 5 s of the
    /// database, well inside the 30 s the portal promises (decision 0030); one connection attempt every 5 s is nothing.</remarks>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public async Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        if (_writes is not null)
            await _writes.MarkAsync(change, cancellationToken);   // read-your-writes (decision 0041)
        var payload = Sign(Serialize(ChangeStamp.Stamp(change, InstanceId, _clock)));
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _logger.LogWarning(ex, "Could not publish {EntityType} {EntityId} {Action}; listeners resync on reconnect",
                change.EntityType, change.EntityId, change.Action);
        }
    }

    public IDisposable Subscribe(Func<ChangeEvent, bool> filter, Func<ChangeEvent, Task> handler)
    {
        EnsureStarted();
        return _dispatcher.Subscribe(filter, handler);
    }

    /// <summary>Whether the listening connection is up now (false until it first connects and while reconnecting).</summary>
    public bool IsListening
    {
        get
        {
            lock (_gate)
                return _listening.Task.IsCompleted;
        }
    }

    /// <summary>Completes once the listening connection is up (again): tests and probes wait for it.</summary>
    public Task WhenListeningAsync(CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        lock (_gate)
            return _listening.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_loop is not null)
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;   // registered as itself, as IChangeFeed and as a hosted service: disposed more than once
        await StopAsync(CancellationToken.None);
        await _dispatcher.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>The payload as it goes on the wire: <c>signature.json</c>.</summary>
    internal string Sign(string json) =>
        Convert.ToBase64String(_signer.Protect(SHA256.HashData(Encoding.UTF8.GetBytes(json))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + json;

    /// <summary>Whether <paramref name="payload"/> was signed by an instance sharing the key ring; its JSON if so.</summary>
    internal bool TryVerify(string payload, out string json)
    {
        json = "";
        var dot = payload.IndexOf('.', StringComparison.Ordinal);
        if (dot is <= 0 or > 512)
            return false;
        try
        {
            var signature = payload[..dot].Replace('-', '+').Replace('_', '/');
            signature = signature.PadRight(signature.Length + (4 - signature.Length % 4) % 4, '=');
            var signed = _signer.Unprotect(Convert.FromBase64String(signature));
            var body = payload[(dot + 1)..];
            if (!CryptographicOperations.FixedTimeEquals(signed, SHA256.HashData(Encoding.UTF8.GetBytes(body))))
                return false;
            json = body;
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    internal static string Serialize(ChangeEvent change)
    {
        var payload = JsonSerializer.Serialize(change, Json);
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
            throw new ArgumentException($"A change event must stay under {MaxPayloadBytes} bytes of JSON: " +
                                        "publish ids, not data.", nameof(change));
        return payload;
    }

    private void EnsureStarted()
    {
        if (_loop is not null || _stop.IsCancellationRequested)
            return;
        lock (_gate)
            _loop ??= Task.Run(() => ListenLoopAsync(_stop.Token));
    }

    private async Task ListenLoopAsync(CancellationToken stop)
    {
        var failures = 0;
        var everConnected = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                failures = 0;
                lock (_gate)
                    _listening.TrySetResult();
                _availability?.ListenerRestored();
                if (everConnected)
                {
                    _logger.LogInformation("Live feed listener reconnected; asking subscribers to resync");
                    _dispatcher.Enqueue(ChangeEvent.Resync(InstanceId, _clock.GetUtcNow()));
                }
                everConnected = true;
                while (!stop.IsCancellationRequested)
                    await connection.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                lock (_gate)
                    if (_listening.Task.IsCompleted)
                        _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (everConnected)
                    _availability?.ListenerLost();
                var delay = Backoff(failures++);
                _logger.LogWarning(ex, "Live feed listener lost the database; retrying in {Delay}", delay);
                try { await Task.Delay(delay, stop); }   // real time on purpose: tests use a fake clock elsewhere
                catch (OperationCanceledException) { break; }
            }
        }
    }

    internal TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds,
            FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20))));

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        try
        {
            if (!TryVerify(e.Payload, out var json))
            {
                _logger.LogWarning("Dropped an unsigned or wrongly signed notification on {Channel} from backend {Pid}", Channel, e.PID);
                return;
            }
            var change = JsonSerializer.Deserialize<ChangeEvent>(json, Json);
            var problem = change is null ? "empty payload" : ChangePayloadRules.Problem(change);
            if (problem is null)
                _dispatcher.Enqueue(change!);
            else
                _logger.LogWarning("Dropped a notification on {Channel} from backend {Pid}: {Problem}", Channel, e.PID, problem);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            _logger.LogWarning(ex, "Dropped a malformed notification on {Channel} from backend {Pid}", Channel, e.PID);
        }
    }
}
