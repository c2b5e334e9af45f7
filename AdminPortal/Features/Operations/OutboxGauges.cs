using System.Diagnostics.Metrics;
using AdminPortal.Features.Tickets.Notifications;
using Npgsql;

namespace AdminPortal.Features.Operations;

/// <summary>
/// The outbox's backlog on the meter <see cref="MeterName"/>: <c>adminportal.outbox.pending</c> (undelivered events
/// still being tried), <c>adminportal.outbox.failed</c> (undelivered after <see cref="OutboxDispatcher.MaxAttempts"/>
/// attempts, waiting for an admin on /system) and <c>adminportal.outbox.oldest_pending.age</c> (seconds).
/// </summary>
/// <remarks>
/// Read from the database only when metrics are collected, at most once per <see cref="SampleEvery"/>, off the
/// collecting thread: a collection reports the latest sample, and nothing at all before the first one or after a
/// failed read (the database's own state is on /healthz and in Npgsql's metrics). Counts stop at
/// <see cref="CountCap"/>, read by the partial index on pending rows.
/// </remarks>
public sealed class OutboxGauges
{
    public const string MeterName = "AdminPortal.Operations";
    public const int CountCap = 10_000;
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(15);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxGauges> _log;
    private Sample? _last;
    private int _reading;

    public sealed record Sample(long Pending, long Failed, double? OldestPendingSeconds, DateTimeOffset At);

    public OutboxGauges(IMeterFactory meters, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<OutboxGauges> log)
    {
        _dataSource = dataSource;
        _clock = clock;
        _log = log;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("adminportal.outbox.pending", () => Observe(s => s.Pending), unit: "{event}",
            description: "Outbox events not delivered yet and still being retried");
        meter.CreateObservableGauge("adminportal.outbox.failed", () => Observe(s => s.Failed), unit: "{event}",
            description: "Outbox events that used all their attempts: an admin retries or discards them on /system");
        meter.CreateObservableGauge("adminportal.outbox.oldest_pending.age", ObserveAge, unit: "s",
            description: "Age of the oldest outbox event still being retried");
    }

    /// <summary>The latest sample (null before the first or after a failed read).</summary>
    public Sample? Last => Volatile.Read(ref _last);

    /// <summary>Reads the backlog now.</summary>
    public async Task<Sample> ReadAsync(CancellationToken ct = default)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT count(*) FILTER (WHERE s.attempts < $1), count(*) FILTER (WHERE s.attempts >= $1),
                   extract(epoch FROM now() - min(s.created_at) FILTER (WHERE s.attempts < $1))::float8
            FROM (SELECT o.attempts, o.created_at FROM helpdesk.outbox o WHERE o.processed_at IS NULL
                  ORDER BY o.created_at LIMIT $2) s
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = OutboxDispatcher.MaxAttempts });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CountCap + 1 });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var sample = new Sample(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2),
            _clock.GetUtcNow());
        Volatile.Write(ref _last, sample);
        return sample;
    }

    private IEnumerable<Measurement<long>> Observe(Func<Sample, long> pick)
    {
        var sample = Current();
        return sample is null ? [] : [new Measurement<long>(pick(sample))];
    }

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var sample = Current();
        return sample is null ? [] : [new Measurement<double>(sample.OldestPendingSeconds ?? 0)];
    }

    private Sample? Current()
    {
        var sample = Last;
        if ((sample is null || _clock.GetUtcNow() - sample.At >= SampleEvery) && Interlocked.Exchange(ref _reading, 1) == 0)
            _ = Task.Run(ReadInBackgroundAsync);
        return sample;
    }

    private async Task ReadInBackgroundAsync()
    {
        try
        {
            await ReadAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Volatile.Write(ref _last, null);
            _log.LogWarning(ex, "Could not read the outbox backlog for the metrics");
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
