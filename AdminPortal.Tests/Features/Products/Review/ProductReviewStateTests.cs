using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Features.Products.Review;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Products.Review;

/// <summary>The review between reads: which field an error belongs to, the pending reason, keys, next / previous.</summary>
public sealed class ProductReviewStateTests
{
    private static readonly ModerationAction[] OnSuggestion =
        [ModerationAction.Approve, ModerationAction.Reject, ModerationAction.RequestChanges, ModerationAction.Edit];

    private static ProductDetails Product(string id = "IM_1", uint version = 7, string title = "Brass lamp") =>
        new(id, title, "Cast by hand.", Cause.GriefCare, 1000, 800, PublishingStatus.Suggestion, [], "https://x/1", null,
            new DateTime(2026, 11, 1), new DateTime(2026, 11, 1), version, new VendorSummary(3, "Anu Crafts", null, 0, 0, 0), []);

    private static ProductReviewState Reviewing(params ModerationAction[] actions)
    {
        var state = new ProductReviewState { UserId = 5 };
        state.Show(Product(), actions.Length == 0 ? OnSuggestion : actions);
        return state;
    }

    [Fact]
    public void A_rejection_without_a_reason_is_refused_on_the_reason_and_nothing_is_sent()
    {
        var state = Reviewing();
        state.StartReason(ModerationAction.Reject);
        Assert.Equal(ModerationAction.Reject, state.Mode);

        Assert.Null(state.Decision(ModerationAction.Reject, state.Reason));

        Assert.StartsWith("A rejection needs a reason", state.ErrorFor("Reason"), StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Refused, state.Gate.Last!.Kind);
        state.Reason = "Lid is cracked";
        var decision = state.Decision(ModerationAction.Reject, state.Reason);
        Assert.Equal((ModerationAction.Reject, "Lid is cracked", 7u), (decision!.Action, decision.Reason, decision.ExpectedVersion));
        Assert.Null(state.ErrorFor("Reason"));
    }

    [Fact]
    public void Each_bad_correction_shows_on_its_own_field_with_one_summary()
    {
        var state = Reviewing();
        state.Title = " ";
        state.Price = 1200;

        Assert.Null(state.Decision(ModerationAction.Approve, null));

        Assert.Equal("The title cannot be empty.", state.ErrorFor("Title"));
        Assert.Contains("cannot be above the MRP", state.ErrorFor("SellingPrice"), StringComparison.Ordinal);
        Assert.Null(state.ErrorFor("Mrp"));
        Assert.Equal("Please correct the highlighted fields.", state.Gate.Last!.Message);
    }

    [Fact]
    public void What_the_service_refuses_shows_on_its_field_and_a_decision_done_closes_the_reason()
    {
        var state = Reviewing();
        state.StartReason(ModerationAction.RequestChanges);

        state.Apply(Outcome.Refused("MRP must be above zero.", "Mrp"));
        Assert.Equal("MRP must be above zero.", state.ErrorFor("Mrp"));
        Assert.Equal(ModerationAction.RequestChanges, state.Mode);

        state.Apply(ProductModeration.Conflict(new ProductChange("Milan Moderator", "product.approve", new DateTime(2026, 11, 23, 9, 30, 0), null)));
        Assert.Null(state.ErrorFor("Mrp"));

        state.Apply(Outcome.Done("Sent back for changes: Brass lamp."));
        Assert.Null(state.Mode);
    }

    [Fact]
    public void A_conflict_carries_who_and_when()
    {
        var conflict = ProductModeration.Conflict(new ProductChange("Milan Moderator", "product.approve", new DateTime(2026, 11, 23, 9, 30, 0), null));

        Assert.Equal(("Milan Moderator", new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)), (conflict.ChangedBy, conflict.ChangedAt));
        Assert.Equal(OutcomeKind.Conflict, ProductModeration.Conflict(null).Kind);
    }

    [Fact]
    public void Only_the_decisions_the_actor_may_take_start_and_read_only_fields_send_no_corrections()
    {
        var state = Reviewing(ModerationAction.Reopen);

        state.StartReason(ModerationAction.Reject);
        Assert.Null(state.Mode);
        Assert.Equal(ReviewKeyAction.None, state.OnKey("a"));
        Assert.False(state.Editable);
        Assert.Null(state.Decision(ModerationAction.Reopen, null)!.Edits);
    }

    [Fact]
    public void The_fields_follow_a_new_version_but_the_outcome_and_reason_stay_until_another_product()
    {
        var state = Reviewing();
        state.Title = "Corrected";
        state.StartReason(ModerationAction.Reject);
        state.Gate.Show(Outcome.Done("Saved."));

        state.Show(Product(version: 7), OnSuggestion);   // the same read again: what is typed stays
        Assert.Equal("Corrected", state.Title);

        state.Show(Product(version: 8, title: "Brass lamp, large"), OnSuggestion);
        Assert.Equal("Brass lamp, large", state.Title);
        Assert.NotNull(state.Gate.Last);
        Assert.Equal(ModerationAction.Reject, state.Mode);

        state.Show(Product(id: "IM_2"), OnSuggestion);
        Assert.Null(state.Gate.Last);
        Assert.Null(state.Mode);
    }

    [Fact]
    public void Someone_elses_change_is_announced_and_ones_own_is_not()
    {
        var state = Reviewing();

        state.OnChange(new ChangeEvent(EntityTypes.Product, "IM_1", ChangeActions.Approved, 5, "Mira Moderator"));
        Assert.Null(state.LiveNotice);
        state.OnChange(new ChangeEvent(EntityTypes.Product, "IM_9", ChangeActions.Approved, 6, "Milan Moderator"));
        Assert.Null(state.LiveNotice);

        state.OnChange(new ChangeEvent(EntityTypes.Product, "IM_1", ProductEvents.ChangesRequested, 6, "Milan Moderator"));
        Assert.Equal("Milan Moderator changes requested this product just now.", state.LiveNotice);
    }

    [Fact]
    public void Keys_ask_for_next_previous_approve_image_and_back_and_r_opens_the_reason()
    {
        var state = Reviewing();

        Assert.Equal(ReviewKeyAction.Next, state.OnKey("j"));
        Assert.Equal(ReviewKeyAction.Previous, state.OnKey("k"));
        Assert.Equal(ReviewKeyAction.Approve, state.OnKey("a"));
        Assert.Equal(ReviewKeyAction.OpenImage, state.OnKey("o"));
        Assert.Equal(ReviewKeyAction.Back, state.OnKey("u"));
        Assert.Equal(ReviewKeyAction.Render, state.OnKey("r"));
        Assert.Equal(ModerationAction.Reject, state.Mode);
        state.OnKey("?");
        Assert.True(state.HelpOpen);
        state.OnKey("Escape");
        Assert.False(state.HelpOpen);
    }

    [Fact]
    public void Next_and_previous_stay_in_the_queue_view_and_say_when_the_page_ends()
    {
        var view = ProductQueueQuery.Default with { Cause = Cause.GriefCare, Page = 2 };

        Assert.Equal("/products/IM_9?cause=griefcare&page=2&pos=4", ProductReviewState.Url("IM_9", view, 4));

        var state = Reviewing();
        state.AtEdge(1);
        Assert.Equal("This was the last product on this page of the queue.", state.LiveNotice);
        state.AtEdge(-1);
        Assert.Equal("This was the first product on this page of the queue.", state.LiveNotice);
    }

    [Fact]
    public void The_prerender_snapshot_is_used_once_and_only_for_the_same_product()
    {
        var prerendered = Reviewing() is var r && (r.Position = 3) == 3 ? r.Snapshot() : null;

        Assert.False(new ProductReviewState().Restore(prerendered, "IM_2"));
        var state = new ProductReviewState();
        Assert.True(state.Restore(prerendered, "IM_1"));
        Assert.Equal((3, 5, "Brass lamp"), (state.Position, state.UserId, state.Title));
        Assert.False(state.Restore(prerendered, "IM_1"));
    }
}
