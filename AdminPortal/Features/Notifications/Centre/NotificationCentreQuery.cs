using System.Globalization;
using AdminPortal.Shared;

namespace AdminPortal.Features.Notifications.Centre;

/// <summary>Where a page of notifications starts: strictly older than this one (newest first, then the higher id).</summary>
public sealed record NotificationCursor(DateTime At, long Id)
{
    public string Format() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads "ticks.id"; anything else is no cursor (the newest page).</summary>
    public static NotificationCursor? Parse(string? text)
    {
        var parts = QueryValues.Text(text, 40)?.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return null;
        return new NotificationCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}

/// <summary>The centre's view as the URL carries it: all or unread only, and the page's cursor (keyset, newest first).</summary>
public sealed record NotificationCentreQuery(bool UnreadOnly = false, NotificationCursor? Before = null,
    int PageSize = NotificationCentreQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const string Path = "/notifications";

    public static NotificationCentreQuery Read(string? show, string? before) =>
        new(string.Equals(QueryValues.Text(show, 10), "unread", StringComparison.OrdinalIgnoreCase), NotificationCursor.Parse(before));

    public string Url() => Path + QueryValues.Build(
    [
        new("show", UnreadOnly ? "unread" : null),
        new("before", Before?.Format()),
    ]);
}
