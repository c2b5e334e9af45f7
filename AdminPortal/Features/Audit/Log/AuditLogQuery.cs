using System.Globalization;
using AdminPortal.Shared;

namespace AdminPortal.Features.Audit.Log;

/// <summary>Where a page of the log starts: strictly older than this record (newest first, then the higher id).</summary>
public sealed record AuditCursor(DateTime At, long Id)
{
    public string Format() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads "ticks.id"; anything else is no cursor (the newest page).</summary>
    public static AuditCursor? Parse(string? text)
    {
        var parts = QueryValues.Text(text, 40)?.Split('.');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return null;
        return new AuditCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}

/// <summary>
/// The audit log's filters, as the URL carries them (the page and the CSV export share them). Who acted: a user's id,
/// an e-mail address, or "system" (workers, the seed). What: one action ("product.approve") or all of one kind
/// ("product."). On what: an entity type and optionally its id. When: a date range in the viewer's time zone. Pages
/// go by cursor (keyset), newest first.
/// </summary>
public sealed record AuditLogQuery(
    string? Actor = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AuditCursor? Before = null,
    int PageSize = AuditLogQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
    public const string System = "system";

    public static AuditLogQuery Read(string? actor = null, string? action = null, string? entityType = null,
        string? entityId = null, string? from = null, string? to = null, string? before = null, string? size = null) =>
        new(QueryValues.Text(actor, 256), Lower(QueryValues.Text(action, 100)), Lower(QueryValues.Text(entityType, 64)),
            QueryValues.Text(entityId, 128), QueryValues.Date(from), QueryValues.Date(to), AuditCursor.Parse(before),
            QueryValues.OneOf(size, PageSizes, DefaultPageSize));

    private static string? Lower(string? text) => text?.ToLowerInvariant();

    /// <summary>Reads a query string or a form's fields by name.</summary>
    public static AuditLogQuery FromValues(Func<string, string?> get) =>
        Read(get("actor"), get("action"), get("type"), get("id"), get("from"), get("to"), get("before"), get("size"));

    public static AuditLogQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        return FromValues(k => v.GetValueOrDefault(k));
    }

    /// <summary>True when every filter is empty (the whole log, newest first).</summary>
    public bool IsUnfiltered => Actor is null && Action is null && EntityType is null && EntityId is null && From is null && To is null;

    /// <summary>An action filter ending in "." matches every action of that kind.</summary>
    public bool ActionIsKind => Action is { } a && a.EndsWith('.');

    public string ToQueryString() => QueryValues.Build(Values());

    private IEnumerable<KeyValuePair<string, string?>> Values() =>
    [
        new("actor", Actor),
        new("action", Action),
        new("type", EntityType),
        new("id", EntityId),
        new("from", From is { } f ? QueryValues.Format(f) : null),
        new("to", To is { } t ? QueryValues.Format(t) : null),
        new("before", Before?.Format()),
        new("size", PageSize == DefaultPageSize ? null : QueryValues.Format(PageSize)),
    ];

    /// <summary>The CSV export's form fields: the same filters, from the newest record.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExportFields =>
        [.. (this with { Before = null }).Values().Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!))];
}
