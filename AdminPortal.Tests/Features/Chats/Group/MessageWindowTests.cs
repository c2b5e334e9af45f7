using AdminPortal.Features.Chats.Group;

namespace AdminPortal.Tests.Features.Chats.Group;

public sealed class MessageWindowTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<MessageView> Run(int from, int count) => Enumerable.Range(from, count)
        .Select(i => new MessageView(Guid.NewGuid(), 1, "a", $"m{i}", [], T0.AddMinutes(i), null, 0, 0, null)).ToList();

    [Fact]
    public void Loading_older_past_the_cap_drops_the_newest_and_loading_newer_drops_the_oldest()
    {
        var window = new MessageWindow(maxSize: 120);
        window.Reset(Run(200, 50), hasOlder: true, hasNewer: false);

        window.PrependOlder(new MessagePage(Run(150, 50), HasMore: true));
        window.PrependOlder(new MessagePage(Run(100, 50), HasMore: true));

        Assert.Equal(120, window.Messages.Count);
        Assert.Equal("m100", window.Messages[0].Text);
        Assert.Equal("m219", window.Messages[^1].Text);
        Assert.True(window.HasNewer);

        window.AppendNewer(new MessagePage(Run(220, 30), HasMore: false));
        Assert.Equal(120, window.Messages.Count);
        Assert.Equal("m130", window.Messages[0].Text);
        Assert.Equal("m249", window.Messages[^1].Text);
        Assert.True(window.HasOlder);
        Assert.False(window.HasNewer);
    }
}
