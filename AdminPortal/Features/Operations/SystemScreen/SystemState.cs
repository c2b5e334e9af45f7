using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Operations.SystemScreen;

/// <summary>
/// What /system does between reads: the outbox view the URL asks for, the page read for it (a late read of an older
/// view is dropped), the workers' last passes, and which live events make it read again. Plain C#.
/// </summary>
public sealed class SystemState
{
    private bool _shown;

    public ActionGate Gate { get; } = new();
    public OutboxQuery Query { get; private set; } = new();
    public OutboxPage? Outbox { get; private set; }
    public IReadOnlyList<WorkerStatus> Workers { get; set; } = [];
    public bool Loading { get; private set; } = true;

    public static readonly (OutboxShow Show, string Label)[] Views =
        [(OutboxShow.Stuck, "Waiting or failed"), (OutboxShow.Failed, "Failed"), (OutboxShow.Pending, "Waiting")];

    public static string Url(OutboxQuery query) => "/system" + query.ToQueryString();

    public bool Show(OutboxQuery query)
    {
        if (_shown && query == Query)
            return false;
        _shown = true;
        Query = query;
        Loading = true;
        return true;
    }

    public void Loaded(OutboxQuery query, OutboxPage? page)
    {
        if (query != Query)
            return;
        Outbox = page ?? Outbox;
        Loading = false;
    }

    public string CountText => Outbox is not { } o ? "Loading…"
        : $"{Counted(o.Failed)} failed (no attempt left), {Counted(o.Pending)} waiting for delivery.";

    public string EmptyText => Query.Show switch
    {
        OutboxShow.Failed => "No event failed: nothing is stuck.",
        OutboxShow.Pending => "No event is waiting for delivery.",
        _ => "The outbox is empty: every event was delivered.",
    };

    public OutboxQuery? Older => Outbox?.Older is { } c ? Query with { Before = c } : null;

    public OutboxQuery? Newest => Query.Before is null ? null : Query with { Before = null };

    /// <summary>A pass landed (the dispatcher may have delivered rows) or someone retried or discarded an event.</summary>
    public static bool IsRelevant(ChangeEvent change) =>
        change.Is(WorkerPassLog.EntityType) || change.Is(OutboxConsole.EntityType);

    public static ReasonRequest RetryRequest(OutboxRow row) =>
        new($"Retry event {row.Id} ({row.EventType})", OutboxConsole.Reason, "Retry",
            Warning: $"The dispatcher gets {Tickets.Notifications.OutboxDispatcher.MaxAttempts} more attempts from its next pass.");

    public static ReasonRequest DiscardRequest(OutboxRow row) =>
        new($"Discard event {row.Id} ({row.EventType})", OutboxConsole.Reason, "Discard event", Danger: true,
            Warning: "It is never delivered: nobody is notified of it.");

    private static string Counted(int n) => n > SystemQueryService.CountCap ? $"{SystemQueryService.CountCap:N0}+" : n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
