using System.Globalization;

namespace AdminPortal.Shared;

/// <summary>
/// The one way the portal shows a time: in the viewer's time zone (the browser's, remembered in the "tz" cookie and
/// handed to the circuit by the root component), absolute ("02 Dec 2026, 10:47 IST") or relative ("3 h ago",
/// "due in 2 h"). One per circuit (scoped); pages, components and export headers all format through it.
/// </summary>
public sealed class ViewerClock(TimeProvider clock)
{
    public const string CookieName = "tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Uses the IANA zone the browser reported; an unknown or missing one keeps UTC.</summary>
    public void UseZone(string? ianaId)
    {
        if (FindZone(ianaId) is { } zone)
            Zone = zone;
    }

    public static TimeZoneInfo? FindZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Length > 64)
            return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>A stored time (UTC, whatever its Kind says) in the viewer's zone.</summary>
    public DateTimeOffset Local(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>"02 Dec 2026, 10:47 IST": date, time and the zone's abbreviation.</summary>
    public string Absolute(DateTimeOffset at)
    {
        var local = Local(at);
        return local.ToString("dd MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneLabel(local);
    }

    public string Absolute(DateTime utc) => Absolute(AsUtc(utc));

    /// <summary>"02 Dec 2026" in the viewer's zone.</summary>
    public string Date(DateTimeOffset at) => Local(at).ToString("dd MMM yyyy", CultureInfo.InvariantCulture);

    public string Date(DateTime utc) => Date(AsUtc(utc));

    /// <summary>"10:47:03" in the viewer's zone.</summary>
    public string TimeOfDay(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"just now", "3 min ago", "in 2 h", "5 d ago"; past the week, the date.</summary>
    public string Relative(DateTimeOffset at)
    {
        var delta = at - Now;
        var span = delta.Duration();
        if (span < TimeSpan.FromSeconds(45))
            return "just now";
        if (span >= TimeSpan.FromDays(7))
            return Date(at);
        var amount = Span(span);
        return delta < TimeSpan.Zero ? $"{amount} ago" : $"in {amount}";
    }

    public string Relative(DateTime utc) => Relative(AsUtc(utc));

    /// <summary>A duration the short way: "45 s", "12 min", "3 h", "2 d 4 h".</summary>
    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        if (span < TimeSpan.FromMinutes(1)) return $"{(int)span.TotalSeconds} s";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h";
        return span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary>The zone's label for an export header or a footnote: "Asia/Kolkata (UTC+05:30)".</summary>
    public string ZoneName
    {
        get
        {
            var offset = Zone.GetUtcOffset(Now);
            return $"{Zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
        }
    }

    private string ZoneLabel(DateTimeOffset local)
    {
        if (Zone == TimeZoneInfo.Utc || Zone.Id is "UTC" or "Etc/UTC")
            return "UTC";
        var offset = local.Offset;
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
