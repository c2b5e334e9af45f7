using System.Globalization;
using System.Text.Encodings.Web;

namespace AdminPortal.Security.SignIn;

/// <summary>
/// The page of a throttled sign-in (429): plain HTML written by the rate limiter's rejection, styled by app.css like the
/// sign-in page, no script (the Content-Security-Policy applies as everywhere). It says when to try again, in seconds
/// and as a UTC time, and says nothing about the account.
/// </summary>
public static class TooManyAttemptsPage
{
    public const string Heading = "Too many sign-in attempts";

    public static string Html(int seconds, DateTimeOffset until)
    {
        var wait = seconds < 120
            ? $"{seconds} second{(seconds == 1 ? "" : "s")}"
            : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        var at = until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var e = HtmlEncoder.Default;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>{{e.Encode(Heading)}} · AdminPortal</title>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <link href="/app.css" rel="stylesheet" />
            </head>
            <body class="theme-light">
            <main class="account-shell">
                <section class="account-card" aria-labelledby="account-title">
                    <div class="account-brand">AdminPortal</div>
                    <h1 id="account-title">{{e.Encode(Heading)}}</h1>
                    <p class="account-error" role="alert" data-testid="throttled">
                        Sign-in is paused for this device. Try again in <b>{{e.Encode(wait)}}</b> (at {{e.Encode(at)}} UTC).
                    </p>
                    <p class="account-info">Pausing after many attempts protects the accounts: nobody is locked out,
                        and sessions that are already open carry on.</p>
                    <p><a href="/account/login" class="account-link">Back to sign-in</a></p>
                </section>
            </main>
            </body>
            </html>
            """;
    }
}
