using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.SignIn;

/// <summary>
/// The per-account protection: failed sign-ins on one account key (the email as typed, normalised: known or not, so
/// the delay tells nothing about which accounts exist) raise a decaying score; past the free failures each attempt on
/// that key waits a delay that doubles per failure, up to a cap. It delays, it never refuses: a stranger hammering an
/// account costs its owner at most the cap, and sessions already open are never touched (decision 0017).
/// </summary>
public sealed class AccountSlowdown(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Score> _scores = new(StringComparer.Ordinal);

    private sealed record Score(double Value, DateTimeOffset At);

    public static string KeyOf(string? email) => (email ?? "").Trim().ToUpperInvariant();

    /// <summary>How long an attempt on this account waits before its password is checked.</summary>
    public TimeSpan DelayFor(string accountKey)
    {
        var o = options.Value;
        var failures = Current(accountKey);
        var over = failures - o.AccountFreeFailures;
        if (over < 0)
            return TimeSpan.Zero;
        var seconds = o.AccountFirstDelaySeconds * Math.Pow(2, Math.Min(over, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, o.AccountMaxDelaySeconds));
    }

    public void RecordFailure(string accountKey)
    {
        var now = clock.GetUtcNow();
        _scores.AddOrUpdate(accountKey, _ => new Score(1, now), (_, s) => new Score(Decayed(s, now) + 1, now));
        if (_scores.Count > MaxKeys)
            Prune(now);
    }

    /// <summary>The decayed failure count (whole failures: the delay steps at each one).</summary>
    public int Current(string accountKey) =>
        _scores.TryGetValue(accountKey, out var s) ? (int)Math.Floor(Decayed(s, clock.GetUtcNow())) : 0;

    private double Decayed(Score s, DateTimeOffset now)
    {
        var halfLives = (now - s.At).TotalMinutes / options.Value.AccountFailureHalfLifeMinutes;
        return halfLives <= 0 ? s.Value : s.Value * Math.Pow(0.5, halfLives);
    }

    /// <summary>Keeps memory bounded when someone tries many addresses: drops the keys that no longer slow anything.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, score) in _scores)
            if (Decayed(score, now) < options.Value.AccountFreeFailures)
                _scores.TryRemove(key, out _);
        if (_scores.Count > MaxKeys)
            foreach (var key in _scores.Keys.Take(_scores.Count - MaxKeys))
                _scores.TryRemove(key, out _);
    }
}
