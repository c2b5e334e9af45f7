using System.Diagnostics.Metrics;

namespace AdminPortal.Live;

/// <summary>
/// The change feed's state on the meter <see cref="LiveMetrics.MeterName"/>, read when metrics are collected:
/// <c>adminportal.live.listening</c> (1 while this instance hears the other instances' changes, 0 while its listener
/// reconnects) and <c>adminportal.live.subscriptions</c> (open screens' subscriptions on this instance).
/// </summary>
public sealed class LiveGauges
{
    public LiveGauges(IMeterFactory meters, IChangeFeed feed)
    {
        var meter = meters.Create(LiveMetrics.MeterName);
        meter.CreateObservableGauge("adminportal.live.listening", () => feed.IsListening ? 1 : 0,
            description: "1 while this instance hears other instances' changes; 0 while its listener reconnects");
        meter.CreateObservableUpDownCounter("adminportal.live.subscriptions", () => feed.SubscriberCount, unit: "{subscription}",
            description: "Change-feed subscriptions open on this instance (about one per live component on a screen)");
    }
}
