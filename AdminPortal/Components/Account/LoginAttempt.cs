using AdminPortal.Data.Identity;
using AdminPortal.Security;
using AdminPortal.Security.SignIn;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Components.Account;

/// <summary>
/// One password sign-in, giving one answer for every failure (unknown email, wrong password, an account without a
/// portal role, an account being slowed down) and doing the same work for each: the per-account delay, the same two
/// reads, and one password hash verification (a dummy hash when no account may sign in with that email), then one
/// audit record. Whether the account may sign in here is decided before, and apart from, the password check, so a
/// platform account's password is never tested; no failure writes to the account's row (no lockout: decision 0017).
/// </summary>
public sealed class LoginAttempt(
    SignInManager<PortalUser> signIn,
    PortalAccess access,
    AccountSlowdown slowdown,
    SignInAudit audit,
    IHttpContextAccessor http,
    TimeProvider clock,
    AdminPortal.Features.Account.SecondStep secondStep)
{
    /// <summary>The one answer to every failed attempt.</summary>
    public const string Failed = "Wrong email or password.";

    private static string? _dummyHash;

    /// <param name="Next">The second-step page still owed (a second factor, or enrolling one), or null when signed in.</param>
    public sealed record Outcome(string? Error, string? Next = null);

    public async Task<Outcome> RunAsync(string email, string password, bool remember, string? returnUrl = null,
        CancellationToken ct = default)
    {
        var key = AccountSlowdown.KeyOf(email);
        var delay = slowdown.DelayFor(key);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, clock, ct);

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        // the portal-role check first, for every email: the same read whether or not an account has it
        var allowed = await access.MaySignInAsync(user?.Id ?? 0, ct) && user is not null;
        var passwordOk = allowed && user!.PasswordHash is not null
            ? await users.CheckPasswordAsync(user, password)
            : VerifyDummy(users, password);
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (!allowed || !passwordOk)
        {
            slowdown.RecordFailure(key);
            await audit.FailedAsync(user?.Id, key, address, ct);
            return new Outcome(Failed);
        }

        // the password was right for an account that may sign in here: a second factor (or enrolling one) may be owed,
        // and then the sign-in is recorded when that step completes (SecondStep.CompleteAsync)
        if (await secondStep.AfterPasswordAsync(user!, remember, returnUrl) is { } next)
            return new Outcome(null, next);
        await audit.SignedInAsync(user!.Id, user.Name ?? user.Email!, address, null, ct);
        return new Outcome(null);
    }

    /// <summary>The same hash verification a real account costs, against a hash of a random password: always false.</summary>
    private static bool VerifyDummy(UserManager<PortalUser> users, string password)
    {
        var dummy = new PortalUser();
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        _ = users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
        return false;
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl : "/";
}
