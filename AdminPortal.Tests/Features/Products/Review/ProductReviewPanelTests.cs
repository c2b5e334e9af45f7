using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Review;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Products.Review;

/// <summary>The review panel's buttons per status and actor, and its messages on the fields.</summary>
public sealed class ProductReviewPanelTests : MudBunitContext
{
    private readonly List<ProductDecision> _decisions = [];
    private Outcome _answer = Outcome.Done("Approved: Brass lamp.");

    public ProductReviewPanelTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ViewerClock>();   // OutcomeAlert shows a conflict's time in the viewer's zone
    }

    private static ProductDetails Product(PublishingStatus status = PublishingStatus.Suggestion) =>
        new("IM_0000000000000001", "Brass lamp", "Cast by hand.", Cause.GriefCare, 1000, 800, status,
            ["/assets/products/lamp.svg"], "https://deed-o.example/products/1", null, new DateTime(2026, 11, 1), new DateTime(2026, 11, 1), 7,
            new VendorSummary(3, "Anu Crafts", "anu@x.org", 4, 1, 2), []);

    private IRenderedComponent<ProductReviewPanel> Render(ProductDetails product, params ModerationAction[] actions) =>
        RenderWithMud<ProductReviewPanel>(p => p
            .Add(x => x.Details, product)
            .Add(x => x.Actions, actions)
            .Add(x => x.OnDecide, d => { _decisions.Add(d); return Task.FromResult(_answer); }));

    private static string[] Buttons(IRenderedComponent<ProductReviewPanel> cut) =>
        cut.FindAll("[role=toolbar] button").Select(b => b.TextContent.Trim()).ToArray();

    private static readonly ModerationAction[] ModeratorOnSuggestion =
        [ModerationAction.Approve, ModerationAction.Reject, ModerationAction.RequestChanges, ModerationAction.Edit];

    [Fact]
    public void A_suggestion_offers_approve_reject_request_changes_and_save()
    {
        var cut = Render(Product(), ModeratorOnSuggestion);

        Assert.Equal(["Approve", "Reject", "Request changes", "Save corrections"], Buttons(cut));
        Assert.Null(cut.Find("input").GetAttribute("readonly"));
    }

    [Fact]
    public void A_rejected_product_offers_only_reopen_and_its_fields_are_read_only()
    {
        var cut = Render(Product(PublishingStatus.Rejected), ModerationAction.Reopen);

        Assert.Equal(["Reopen"], Buttons(cut));
        Assert.NotNull(cut.Find("input").GetAttribute("readonly"));
    }

    [Fact]
    public void A_published_product_says_there_is_nothing_to_decide()
    {
        var cut = Render(Product(PublishingStatus.Published));

        Assert.Empty(Buttons(cut));
        Assert.Contains("nothing to decide", cut.Find("[data-testid=no-actions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_can_unpublish_or_take_down_a_published_product_with_a_reason()
    {
        var cut = Render(Product(PublishingStatus.Published), ModerationAction.Unpublish, ModerationAction.TakeDown);

        Assert.Equal(["Unpublish", "Take down"], Buttons(cut));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Take down").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm take-down").Click();
        Assert.Empty(_decisions);
        Assert.Contains("needs a reason", cut.Find("[data-testid=reason-form]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=reason-form] textarea").Input("Counterfeit");
        cut.WaitForAssertion(() =>
        {
            cut.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm take-down").Click();
            Assert.Single(_decisions);
        }, TimeSpan.FromSeconds(5));
        Assert.Equal((ModerationAction.TakeDown, "Counterfeit"), (_decisions[0].Action, _decisions[0].Reason));
    }

    [Fact]
    public void Rejecting_without_a_reason_shows_the_message_on_the_reason_and_decides_nothing()
    {
        var cut = Render(Product(), ModeratorOnSuggestion);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Reject").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm rejection").Click();

        Assert.Empty(_decisions);
        Assert.Contains("A rejection needs a reason", cut.Find("[data-testid=reason-form]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=reason-form] textarea").Input("Lid is cracked");
        // MudTextField hands its value on asynchronously: confirm until the typed reason has arrived
        cut.WaitForAssertion(() =>
        {
            cut.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm rejection").Click();
            Assert.Single(_decisions);
        }, TimeSpan.FromSeconds(5));

        var decision = Assert.Single(_decisions);
        Assert.Equal((ModerationAction.Reject, "Lid is cracked", 7u), (decision.Action, decision.Reason, decision.ExpectedVersion));
    }

    [Fact]
    public void A_selling_price_above_the_mrp_is_refused_on_its_field()
    {
        var cut = Render(Product(), ModeratorOnSuggestion);
        var price = cut.FindAll("input").Single(i => i.ParentElement!.ParentElement!.TextContent.Contains("Selling price", StringComparison.Ordinal));

        price.Change("1200");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click();

        Assert.Empty(_decisions);
        Assert.Contains("cannot be above the MRP", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_title_is_refused_on_its_field()
    {
        var cut = Render(Product(), ModeratorOnSuggestion);

        cut.FindAll("input").First().Change("  ");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click();

        Assert.Empty(_decisions);
        Assert.Contains("The title cannot be empty.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_says_who_decided_first_and_offers_a_reload()
    {
        _answer = ProductModeration.Conflict(new ProductChange("Milan Moderator", "product.approve", new DateTime(2026, 11, 23, 9, 30, 0), null));
        var cut = Render(Product(), ModeratorOnSuggestion);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click();

        var notice = cut.Find("[data-testid=decision-notice]");
        // who in the message, when beside it in the viewer's zone (ViewerClock; UTC here): one way to show time
        Assert.Contains("Milan Moderator approved this product. ", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("(at 23 Nov 2026, 09:30 UTC)", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains(notice.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Reload");
        var decision = Assert.Single(_decisions);
        Assert.Equal(ProductEdits.From(new Product { Id = "IM_x", Title = "Brass lamp", Description = "Cast by hand.", ProductUrl = "u", Mrp = 1000, SellingPrice = 800 }), decision.Edits);
    }
}
