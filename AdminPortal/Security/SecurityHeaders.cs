using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AdminPortal.Security;

/// <summary>
/// Browser security headers on every response (docs/decisions/0012): a Content-Security-Policy with a per-request
/// nonce for the one inline script the framework writes (the import map), no framing, no sniffing, no referrer, and
/// no powerful browser features. HSTS is added by UseHsts outside Development.
/// </summary>
public static partial class SecurityHeaders
{
    private const string NonceKey = "AdminPortal.CspNonce";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), " +
        "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-create=(self), publickey-credentials-get=(self), " +
        "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The nonce of this request's Content-Security-Policy, for the framework's inline import map.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
            return nonce;
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));   // hex: nothing to encode in HTML
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static string ContentSecurityPolicy(HttpContext context)
    {
        // 'self' covers ws:/wss: to the same host in CSP level 3; older engines need the socket origin spelt out
        var host = context.Request.Host.Value ?? "";
        var socket = SafeHost().IsMatch(host)
            ? $" {(context.Request.IsHttps ? "wss" : "ws")}://{host}"
            : "";
        return "default-src 'self'; " +
               $"script-src 'self' 'nonce-{Nonce(context)}'; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data: https:; " +
               "font-src 'self' data:; " +
               $"connect-src 'self'{socket}; " +
               "media-src 'self'; " +
               "object-src 'none'; " +
               // the portal frames only its own media (brand PDFs, PrivateMedia.EmbeddedPdf); every page of its own
               // still refuses to be framed (frame-ancestors 'none', X-Frame-Options DENY)
               "frame-src 'self'; " +
               "worker-src 'self'; " +
               "base-uri 'self'; " +
               "form-action 'self'; " +
               "frame-ancestors 'none'";
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // a response that set its own policy (media: the sandbox on SVG) keeps it
        if (!headers.ContainsKey("Content-Security-Policy"))
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
        // only an embedded brand PDF (PrivateMedia.EmbeddedPdf) may be framed, by the portal; anything else (antiforgery
        // sets SAMEORIGIN on forms) is DENY
        if (headers.ContentSecurityPolicy != PrivateMedia.EmbeddedPdf)
            headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-\[\]:]{1,255}$")]
    private static partial Regex SafeHost();
}
