using AdminPortal.Features.Products;
using AdminPortal.Live;

namespace AdminPortal.Tests.Features.Products;

public sealed class ProductEventsTests
{
    [Theory]
    [InlineData(ModerationAction.Approve, PublishingStatus.Published)]
    [InlineData(ModerationAction.Reject, PublishingStatus.Rejected)]
    [InlineData(ModerationAction.RequestChanges, PublishingStatus.Draft)]
    [InlineData(ModerationAction.Reopen, PublishingStatus.Suggestion)]
    [InlineData(ModerationAction.Unpublish, PublishingStatus.Draft)]
    [InlineData(ModerationAction.TakeDown, PublishingStatus.Rejected)]
    public void Each_decision_verb_names_the_status_the_transition_table_gives(ModerationAction action, PublishingStatus expected)
    {
        var source = action switch
        {
            ModerationAction.Reopen => PublishingStatus.Rejected,
            ModerationAction.Unpublish or ModerationAction.TakeDown => PublishingStatus.Published,
            _ => PublishingStatus.Suggestion,
        };
        Assert.Equal(ProductTransitions.Target(source, action), ProductEvents.StatusAfter(ProductEvents.Action(action)));
        Assert.Equal(expected, ProductEvents.StatusAfter(ProductEvents.Action(action)));
    }

    [Fact]
    public void An_approval_leaves_the_suggestion_queue_but_not_the_all_view_nor_the_published_one()
    {
        var approved = new ChangeEvent(EntityTypes.Product, "p1", ProductEvents.Action(ModerationAction.Approve));
        Assert.True(ProductEvents.LeavesView(approved, PublishingStatus.Suggestion));
        Assert.False(ProductEvents.LeavesView(approved, PublishingStatus.Published));
        Assert.False(ProductEvents.LeavesView(approved, null));
    }

    [Fact]
    public void Edits_many_at_once_and_other_entities_never_drop_a_row_by_themselves()
    {
        Assert.False(ProductEvents.LeavesView(new ChangeEvent(EntityTypes.Product, "p1", ChangeActions.Updated), PublishingStatus.Suggestion));
        Assert.False(ProductEvents.LeavesView(new ChangeEvent(EntityTypes.Product, "*", ChangeActions.Approved), PublishingStatus.Suggestion));
        Assert.False(ProductEvents.LeavesView(new ChangeEvent(EntityTypes.Ticket, "p1", ChangeActions.Approved), PublishingStatus.Suggestion));
    }
}
