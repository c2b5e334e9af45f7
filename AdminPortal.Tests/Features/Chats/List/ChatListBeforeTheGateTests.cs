using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.List;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Chats.List;

/// <summary>The chat list shows no message content before the reason gate (docs/decisions/0015).</summary>
public sealed class ChatListBeforeTheGateTests : MudBunitContext
{
    public ChatListBeforeTheGateTests() => Services.AddSingleton(new ViewerClock(TimeProvider.System));

    [Fact]
    public void A_list_row_carries_group_metadata_the_last_message_time_and_the_count_only()
    {
        // adding a field here (a preview, an attachment flag, a hidden flag) is a decision: see 0015 before you do
        Assert.Equal(["Id", "Name", "Type", "ProductId", "ProductTitle", "MemberCount", "LastMessageAt", "MessageCount"],
            typeof(GroupRow).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public void A_row_shows_when_the_last_message_was_sent_and_how_many_there_are()
    {
        var row = new GroupRow(Guid.NewGuid(), "Lamp buyers", ConversationType.Group, null, null, 3,
            new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc), GroupQueryService.CountCap + 1);
        var cut = RenderWithMud<ChatRow>(p => p.Add(x => x.Row, row));

        Assert.NotNull(cut.Find("time"));
        Assert.Contains("1,000+", cut.Markup);
        Assert.Empty(cut.FindAll(".chat-preview"));
    }
}
