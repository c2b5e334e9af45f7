using AdminPortal.Data;
using AdminPortal.Security.Sessions;

namespace AdminPortal.Security;

/// <summary>
/// One instance's circuits revalidate together (decision 0051): the checks that arrive within
/// <see cref="Window"/> (or until <see cref="MaxBatch"/> distinct ones wait) are answered by one
/// <see cref="CircuitRevalidation.StillValidAsync"/>, two set-based queries, instead of a scope and three queries per
/// circuit. Identical requests in one window (circuits of one session) share one answer. When the database is out of
/// reach every waiting circuit is answered "still valid" (nothing can be revoked while it is down; the next round
/// checks again) and one line is logged for the batch.
/// </summary>
public sealed class RevalidationBatcher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RevalidationBatcher> logger)
{
    private readonly Lock _gate = new();
    private Dictionary<RevalidationRequest, TaskCompletionSource<bool>>? _pending;
    private long _checks, _requests, _batches, _queries;

    /// <summary>How long the first check of a batch waits for others (<c>Security:RevalidationBatchMilliseconds</c>, 250).</summary>
    public TimeSpan Window { get; } =
        TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Security:RevalidationBatchMilliseconds", 250), 0, 5000));

    /// <summary>A batch is answered at once when this many distinct requests wait (<c>Security:RevalidationBatchSize</c>, 500).</summary>
    public int MaxBatch { get; } = Math.Max(1, configuration.GetValue("Security:RevalidationBatchSize", 500));

    /// <summary>Is the circuit's principal still valid? Answered with the other circuits' checks of the same window.</summary>
    public Task<bool> IsStillValidAsync(RevalidationRequest request, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _checks);
        Dictionary<RevalidationRequest, TaskCompletionSource<bool>>? opened = null, full = null;
        TaskCompletionSource<bool>? answer;
        lock (_gate)
        {
            if (_pending is null)
                opened = _pending = new Dictionary<RevalidationRequest, TaskCompletionSource<bool>>();
            if (!_pending.TryGetValue(request, out answer))
            {
                answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add(request, answer);
                if (_pending.Count >= MaxBatch)
                    (full, _pending) = (_pending, null);
            }
        }
        if (full is not null)
            _ = AnswerAsync(full);
        else if (opened is not null)
            _ = AnswerAfterWindowAsync(opened);
        // a circuit that goes away stops waiting; the batch is answered for the others all the same
        return answer.Task.WaitAsync(ct);
    }

    /// <summary>Checks asked, distinct requests answered, batches and queries so far (<c>/_diagnostics/live</c>).</summary>
    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        ["checks"] = Interlocked.Read(ref _checks),
        ["requests"] = Interlocked.Read(ref _requests),
        ["batches"] = Interlocked.Read(ref _batches),
        ["queries"] = Interlocked.Read(ref _queries),
    };

    private async Task AnswerAfterWindowAsync(Dictionary<RevalidationRequest, TaskCompletionSource<bool>> batch)
    {
        // real time, like the base class's interval: a fake clock in tests must not hold every circuit's check
        await Task.Delay(Window);
        lock (_gate)
        {
            if (!ReferenceEquals(_pending, batch))
                return;   // it filled up and was answered already
            _pending = null;
        }
        await AnswerAsync(batch);
    }

    private async Task AnswerAsync(Dictionary<RevalidationRequest, TaskCompletionSource<bool>> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (valid, queries) = await CircuitRevalidation.StillValidAsync(scope.ServiceProvider.GetRequiredService<UserSessions>(),
                scope.ServiceProvider.GetRequiredService<PortalAccess>(), batch.Keys);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, batch.Count);
            Interlocked.Add(ref _queries, queries);
            foreach (var (request, answer) in batch)
                answer.TrySetResult(valid.Contains(request));
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
        {
            // the base class signs a circuit out on an exception: a database restart would sign out every open screen
            logger.LogWarning("Could not revalidate {Count} circuits' users: the database is out of reach; checking again next round", batch.Count);
            foreach (var answer in batch.Values)
                answer.TrySetResult(true);
        }
        catch (Exception ex)
        {
            foreach (var answer in batch.Values)
                answer.TrySetException(ex);
        }
    }
}
