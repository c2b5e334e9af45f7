namespace AdminPortal.Security.SignIn;

/// <summary>
/// The numbers of sign-in throttling (configuration section <c>SignIn:Throttle</c>; why these numbers: decision 0017).
/// Every count is per portal instance (the limiters live in memory; nginx's ip_hash keeps an address on one instance).
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn:Throttle";

    /// <summary>
    /// The POST paths throttled: each is the path itself or a prefix of it followed by '/' (the password form and every
    /// second-factor step). One list, here: a new sign-in step adds its path to it.
    /// </summary>
    public string[] Paths { get; set; } = ["/account/login", "/account/passkey", "/account/second-factor", "/account/recovery"];

    /// <summary>Attempts one client address may make at once (a token bucket: the burst) ...</summary>
    public int PerAddressBurst { get; set; } = 20;

    /// <summary>... and one more attempt every this many seconds after that (20 a minute).</summary>
    public double PerAddressSecondsPerAttempt { get; set; } = 3;

    /// <summary>Attempts on one account from one client address at once ...</summary>
    public int PerAccountAddressBurst { get; set; } = 10;

    /// <summary>... and one more every this many seconds (10 in 15 minutes).</summary>
    public double PerAccountAddressSecondsPerAttempt { get; set; } = 90;

    /// <summary>Failures on one account (from anywhere) before its attempts are slowed down; the count decays.</summary>
    public int AccountFreeFailures { get; set; } = 10;

    /// <summary>The first delay once the free failures are spent; each further failure doubles it ...</summary>
    public double AccountFirstDelaySeconds { get; set; } = 0.25;

    /// <summary>... up to this: the owner, from another address, waits at most this long, and is never refused.</summary>
    public double AccountMaxDelaySeconds { get; set; } = 5;

    /// <summary>The failure count of an account halves every this many minutes.</summary>
    public double AccountFailureHalfLifeMinutes { get; set; } = 15;

    public bool Throttles(PathString path) =>
        Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)
                       || path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
