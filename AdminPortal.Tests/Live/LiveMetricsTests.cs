using AdminPortal.Live;

namespace AdminPortal.Tests.Live;

public sealed class LiveMetricsTests
{
    [Theory]
    [InlineData(0.4, "le_1")]
    [InlineData(-3, "le_1")]         // another instance's clock a little ahead
    [InlineData(1.0, "le_1")]        // a bound belongs to its own bucket
    [InlineData(7.2, "le_7.5")]
    [InlineData(48, "le_50")]
    [InlineData(9_000, "le_inf")]
    public void A_delivery_is_counted_in_the_bucket_of_its_duration(double ms, string bucket)
    {
        var before = LiveMetrics.Snapshot();
        LiveMetrics.Record(ms);
        var after = LiveMetrics.Snapshot();

        // other tests record too (the metrics are process-wide), so only this bucket's growth is certain
        Assert.True(after[bucket] >= before[bucket] + 1, $"{bucket}: {before[bucket]} -> {after[bucket]}");
    }

    [Fact]
    public void Every_bound_has_a_bucket_and_the_bounds_rise()
    {
        var keys = LiveMetrics.Snapshot().Keys.ToList();
        Assert.Equal(LiveMetrics.BucketBoundsMs.Count + 1, keys.Count);
        Assert.Equal("le_inf", keys[^1]);
        Assert.Equal(LiveMetrics.BucketBoundsMs.Order(), LiveMetrics.BucketBoundsMs);
    }
}
