using AdminPortal.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Shared;

public sealed class ViewerClockTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T05:00:00Z");

    private static ViewerClock Clock(string? zone = null)
    {
        var clock = new ViewerClock(new FakeTimeProvider(Now));
        clock.UseZone(zone);
        return clock;
    }

    [Fact]
    public void Shows_times_in_the_viewers_zone()
    {
        var at = new DateTime(2026, 12, 2, 4, 30, 0, DateTimeKind.Utc);
        Assert.Equal("02 Dec 2026, 10:00 UTC+05:30", Clock("Asia/Kolkata").Absolute(at));
        Assert.Equal("02 Dec 2026, 04:30 UTC", Clock().Absolute(at));
        Assert.Equal("Asia/Kolkata (UTC+05:30)", Clock("Asia/Kolkata").ZoneName);
    }

    [Fact]
    public void An_unknown_zone_keeps_utc() => Assert.Equal(TimeZoneInfo.Utc, Clock("Mars/Olympus_Mons").Zone);

    [Fact]
    public void Date_follows_the_zone_across_midnight()
    {
        var lateUtc = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal("01 Dec 2026", Clock().Date(lateUtc));
        Assert.Equal("02 Dec 2026", Clock("Asia/Kolkata").Date(lateUtc));
    }

    [Theory]
    [InlineData(-20, "just now")]
    [InlineData(-3 * 3600, "3 h ago")]
    [InlineData(2 * 3600, "in 2 h")]
    [InlineData(-12 * 60, "12 min ago")]
    [InlineData(-(2 * 86400 + 4 * 3600), "2 d 4 h ago")]
    [InlineData(-30 * 86400, "02 Nov 2026")]
    public void Relative_times_read_short(int seconds, string expected) =>
        Assert.Equal(expected, Clock().Relative(Now.AddSeconds(seconds)));
}
