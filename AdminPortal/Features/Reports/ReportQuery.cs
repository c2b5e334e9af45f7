using AdminPortal.Security;
using AdminPortal.Shared;

namespace AdminPortal.Features.Reports;

/// <summary>The reports /reports offers; each needs a permission (and follows the viewer's scope).</summary>
public enum ReportKind { TatByHostel, TatByCategory, TatByStaff, Throughput, ResponseTimes }

/// <summary>
/// One report over a date range (UTC days, both ends included), as the URL and the export form carry it:
/// "?report=tatbycategory&amp;from=2026-11-01&amp;to=2026-11-30". Bad values fall back to the defaults (the last 30
/// days); the range is held to <see cref="MaxDays"/>.
/// </summary>
public sealed record ReportQuery(ReportKind Kind, DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<(ReportKind Kind, string Label, Permission Needs)> All =
    [
        (ReportKind.TatByHostel, "Turnaround compliance by hostel", Permission.TriageTickets),
        (ReportKind.TatByCategory, "Turnaround compliance by category", Permission.TriageTickets),
        (ReportKind.TatByStaff, "Turnaround compliance by staff member", Permission.TriageTickets),
        (ReportKind.ResponseTimes, "Time to first response and to resolution", Permission.TriageTickets),
        (ReportKind.Throughput, "Moderation throughput by moderator and cause", Permission.ModerateProducts),
    ];

    public static string Label(ReportKind kind) => All.First(a => a.Kind == kind).Label;

    public static Permission Needs(ReportKind kind) => All.First(a => a.Kind == kind).Needs;

    public static IReadOnlyList<ReportKind> For(PortalActor actor) => All.Where(a => actor.Has(a.Needs)).Select(a => a.Kind).ToList();

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportQuery Read(string? report, string? from, string? to, DateOnly today, ReportKind fallback)
    {
        var end = QueryValues.Date(to) ?? today;
        var start = QueryValues.Date(from) is { } f && f <= end ? f : end.AddDays(1 - DefaultDays);
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            start = end.AddDays(1 - MaxDays);
        return new ReportQuery(QueryValues.Enum(report, fallback), start, end);
    }

    /// <summary>The URL's query string; the export form posts the same fields.</summary>
    public string ToQueryString() => QueryValues.Build(Fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));

    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
    [
        new("report", QueryValues.Format(Kind)), new("from", QueryValues.Format(From)), new("to", QueryValues.Format(To)),
    ];
}
