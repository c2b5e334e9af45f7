using AdminPortal.Features.Audit.Log;
using AdminPortal.Shared;

namespace AdminPortal.Features.Operations.SystemScreen;

/// <summary>Which outbox events /system lists: those still waiting, those that failed every attempt, or both.</summary>
public enum OutboxShow { Stuck, Failed, Pending }

/// <summary>The outbox list's view as the URL carries it: which events, from which cursor (newest first), how many.</summary>
public sealed record OutboxQuery(OutboxShow Show = OutboxShow.Stuck, AuditCursor? Before = null, int PageSize = OutboxQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public static OutboxQuery Read(string? show, string? before, string? size) =>
        new(QueryValues.Enum(show, OutboxShow.Stuck), AuditCursor.Parse(before), QueryValues.OneOf(size, PageSizes, DefaultPageSize));

    public string ToQueryString() => QueryValues.Build(
        new("show", Show == OutboxShow.Stuck ? null : QueryValues.Format(Show)),
        new("before", Before?.Format()),
        new("size", PageSize == DefaultPageSize ? null : QueryValues.Format(PageSize)));
}

/// <summary>One waiting or failed event: what, when, how many attempts, the last error, and its row version.</summary>
public sealed record OutboxRow(long Id, string EventType, string Payload, DateTime CreatedAt, int Attempts, string? LastError, uint Version)
{
    public bool Failed => Attempts >= Tickets.Notifications.OutboxDispatcher.MaxAttempts;
}

/// <summary>A page of events, the cursor of the next older page (null at the end), and the counts by state.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, AuditCursor? Older, int Pending, int Failed);

/// <summary>The last pass of one worker on one instance, and how the worker has been doing there lately.</summary>
public sealed record WorkerStatus(string Worker, string Instance, DateTime StartedAt, DateTime FinishedAt, DateTime NextRunAt,
    string? Error, IReadOnlyDictionary<string, int> Counts, DateTime? LastNotableAt, string? LastError)
{
    public bool Failed => Error is not null;

    /// <summary>The next run is more than a pass late: the instance stopped, or the worker hangs.</summary>
    public bool Late(DateTime now) => now > NextRunAt + (NextRunAt - StartedAt) + TimeSpan.FromMinutes(1);

    public string Did => Counts.Count == 0 ? "nothing to report"
        : string.Join(", ", Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
}
