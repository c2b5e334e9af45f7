using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Security.SignIn;

/// <summary>The audit actions of sign-in and sessions (shown on the user's page, audit tab).</summary>
public static class SignInAuditActions
{
    public const string SignedIn = "auth.sign-in";
    public const string Failed = "auth.sign-in.failed";
    public const string Throttled = "auth.sign-in.throttled";
    public const string SignedOut = "auth.sign-out";
    public const string SessionEnded = "auth.session.end";

    /// <summary>The entity of an attempt on an email no account has: never the email itself (see <see cref="SignInAudit.Marker"/>).</summary>
    public const string UnknownAccountEntity = "sign-in";

    public static string? Describe(string action) => action switch
    {
        SignedIn => "signed in",
        Failed => "failed to sign in",
        Throttled => "was throttled signing in",
        SignedOut => "signed out",
        SessionEnded => "ended sessions",
        _ => null,
    };
}

/// <summary>
/// Writes sign-in events to the audit log: the user id when an account has the email, else a non-reversible marker of
/// the email as typed (so repeated attempts on one unknown address can be grouped without the log holding it). Never
/// the password. Throttling is recorded once per account key and address per <see cref="ThrottleRecordEvery"/>: the
/// log must not become the attacker's amplifier.
/// </summary>
public sealed class SignInAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan ThrottleRecordEvery = TimeSpan.FromMinutes(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _throttleRecorded = new();

    public static string Marker(string accountKey) =>
        "email-sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("AdminPortal.SignIn|" + accountKey)))[..24];

    public async Task SignedInAsync(int userId, string name, string? address, Guid? sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Add(db, new AuditActor(userId, name, address), SignInAuditActions.SignedIn, "user", Key(userId),
            null, new { Session = sessionId });
        await db.SaveChangesAsync(ct);
    }

    /// <param name="userId">The account with that email, whether or not it may sign in here; null when none has it.</param>
    public async Task FailedAsync(int? userId, string accountKey, string? address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Add(db, new AuditActor(null, "sign-in form", address), SignInAuditActions.Failed,
            userId is { } id ? "user" : SignInAuditActions.UnknownAccountEntity,
            userId is { } known ? Key(known) : Marker(accountKey));
        await db.SaveChangesAsync(ct);
    }

    public async Task ThrottledAsync(string? accountKey, string? address, string limit, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var dedupe = (accountKey ?? "") + "|" + address + "|" + limit;
        if (_throttleRecorded.TryGetValue(dedupe, out var last) && now - last < ThrottleRecordEvery)
            return;
        _throttleRecorded[dedupe] = now;
        if (_throttleRecorded.Count > 10_000)
            foreach (var (k, at) in _throttleRecorded)
                if (now - at >= ThrottleRecordEvery)
                    _throttleRecorded.TryRemove(k, out _);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        int? userId = null;
        if (!string.IsNullOrEmpty(accountKey))
            userId = await db.Users.Where(u => u.NormalizedEmail == accountKey).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        audit.Add(db, new AuditActor(null, "sign-in form", address), SignInAuditActions.Throttled,
            userId is not null ? "user" : SignInAuditActions.UnknownAccountEntity,
            userId is { } id ? Key(id) : string.IsNullOrEmpty(accountKey) ? "no-account" : Marker(accountKey),
            null, new { Limit = limit });
        await db.SaveChangesAsync(ct);
    }

    public async Task SignedOutAsync(int userId, string name, string? address, Guid? sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Add(db, new AuditActor(userId, name, address), SignInAuditActions.SignedOut, "user", Key(userId),
            new { Session = sessionId }, null);
        await db.SaveChangesAsync(ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
