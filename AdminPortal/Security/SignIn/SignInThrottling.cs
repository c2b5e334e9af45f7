using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.SignIn;

/// <summary>
/// ASP.NET Core's rate limiter on every POST of the sign-in and second-factor paths (<see cref="SignInThrottleOptions.Paths"/>):
/// a token bucket per client address, and one per (account, client address), chained. A refused attempt gets 429 with
/// Retry-After and a page saying when to try again. The per-account slowdown (<see cref="AccountSlowdown"/>) is the
/// third part and delays instead of refusing. Runs after the forwarded-headers middleware, so behind the documented
/// proxy the address is the client's (decision 0017).
/// </summary>
public static class SignInThrottling
{
    private const string AccountKeyItem = "AdminPortal.SignIn.AccountKey";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<AccountSlowdown>();
        services.AddSingleton<SignInAudit>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInThrottleOptions>>((limiter, throttle) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => PerAddress(c, throttle.Value)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => PerAccountAndAddress(c, throttle.Value)));
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>Call after UseForwardedHeaders: reads the account of a throttled POST, then applies the limits.</summary>
    public static IApplicationBuilder UseSignInThrottling(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;
            if (IsThrottled(context, options))
                context.Items[AccountKeyItem] = await AccountKeyAsync(context);
            await next(context);
        });
        return app.UseRateLimiter();
    }

    public static bool IsThrottled(HttpContext context, SignInThrottleOptions options) =>
        HttpMethods.IsPost(context.Request.Method) && options.Throttles(context.Request.Path);

    /// <summary>The account an attempt is on: the email of the password form, else the user of the second-factor step.</summary>
    private static async Task<string?> AccountKeyAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var email = form["Input.Email"].FirstOrDefault() ?? form["email"].FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(email))
                return AccountSlowdown.KeyOf(email);
        }
        var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return twoFactor.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value is { } userId
            ? "user-id:" + userId
            : null;
    }

    public static string? AccountKey(HttpContext context) => context.Items[AccountKeyItem] as string;

    /// <summary>The client's address as the limiter counts it: IPv4 as is, IPv6 by its /64 (what one subscriber holds).</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, SignInThrottleOptions o)
    {
        if (!IsThrottled(context, o))
            return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetTokenBucketLimiter("address|" + AddressKey(context.Connection.RemoteIpAddress),
            _ => Bucket(o.PerAddressBurst, o.PerAddressSecondsPerAttempt));
    }

    private static RateLimitPartition<string> PerAccountAndAddress(HttpContext context, SignInThrottleOptions o)
    {
        if (!IsThrottled(context, o) || AccountKey(context) is not { } account)
            return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetTokenBucketLimiter(
            "account|" + AddressKey(context.Connection.RemoteIpAddress) + "|" + account,
            _ => Bucket(o.PerAccountAddressBurst, o.PerAccountAddressSecondsPerAttempt));
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, double secondsPerAttempt) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(0.1, secondsPerAttempt)),
        QueueLimit = 0,
        AutoReplenishment = false,   // the partitioned limiter replenishes its partitions on one timer
    };

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? after
            : TimeSpan.FromSeconds(options.PerAccountAddressSecondsPerAttempt);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        var account = AccountKey(context);
        try
        {
            await context.RequestServices.GetRequiredService<SignInAudit>().ThrottledAsync(account,
                context.Connection.RemoteIpAddress?.ToString(), account is null ? "per address" : "per address or per account and address", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInThrottling))
                .LogError(ex, "Recording a throttled sign-in failed");
        }
        var until = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(seconds);
        await context.Response.WriteAsync(TooManyAttemptsPage.Html(seconds, until), ct);
    }
}
