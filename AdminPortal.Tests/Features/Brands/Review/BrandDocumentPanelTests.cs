using AdminPortal.Features.Brands;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Features.Brands.Review;
using AdminPortal.Features.Creators;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Brands.Review;

/// <summary>The review panel of one brand document: how it is shown, what it offers per state, and what it sends.</summary>
public sealed class BrandDocumentPanelTests : MudBunitContext
{
    private readonly List<BrandDocumentDecision> _decisions = [];
    private Outcome _answer = Outcome.Done("GST registration approved.");

    public BrandDocumentPanelTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ViewerClock>();
    }

    private IRenderedComponent<BrandDocumentPanel> Render(DocumentStatus status, string? url = "/assets/brands/gst-registration.svg",
        BrandChange? last = null) =>
        RenderWithMud<BrandDocumentPanel>(p => p
            .Add(x => x.BrandId, 7)
            .Add(x => x.Document, new BrandDocumentView(BrandDocument.Gst, status == DocumentStatus.NotSubmitted ? null : url, status, last))
            .Add(x => x.OnDecide, d => { _decisions.Add(d); return Task.FromResult(_answer); }));

    private static string[] Buttons(IRenderedComponent<BrandDocumentPanel> cut) =>
        cut.FindAll("[role=toolbar] button").Select(b => b.TextContent.Trim()).ToArray();

    [Fact]
    public void A_waiting_document_offers_approve_and_reject_and_shows_an_image_in_the_viewer()
    {
        var cut = Render(DocumentStatus.Pending);

        Assert.Equal(["Approve", "Reject"], Buttons(cut));
        Assert.Equal("/assets/brands/gst-registration.svg", cut.Find("[data-testid=document-image]").GetAttribute("src"));
        Assert.Contains("Waiting for review", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/brands/certificate-of-incorporation.pdf", "document-pdf-actions")]
    [InlineData("/assets/brands/pan-card-scan.tiff", "document-download")]
    [InlineData("javascript:alert(1)", "document-missing")]
    public void A_pdf_is_embedded_anything_else_downloaded_and_an_unsafe_address_never_linked(string url, string shown)
    {
        var cut = Render(DocumentStatus.Pending, url);

        Assert.NotNull(cut.Find($"[data-testid={shown}]"));
        Assert.DoesNotContain("javascript:", cut.FindAll("[href],[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")));
    }

    [Fact]
    public void A_pdf_is_embedded_in_place_on_request()
    {
        var cut = Render(DocumentStatus.Pending, "/assets/brands/certificate-of-incorporation.pdf");
        Assert.Empty(cut.FindAll("iframe"));

        cut.Find("[data-testid=document-pdf-actions] button").Click();

        Assert.Equal("/assets/brands/certificate-of-incorporation.pdf", cut.Find("iframe[data-testid=document-pdf]").GetAttribute("src"));
    }

    [Theory]
    [InlineData(DocumentStatus.NotSubmitted)]
    [InlineData(DocumentStatus.Verified)]
    [InlineData(DocumentStatus.Rejected)]
    public void A_decided_or_missing_document_offers_nothing(DocumentStatus status)
    {
        var cut = Render(status, last: new BrandChange("Milan Moderator", "brand.gst.reject", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), "Document has expired"));

        Assert.Empty(Buttons(cut));
        if (status == DocumentStatus.Rejected)
            Assert.Contains("Rejected: new upload requested", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Milan Moderator rejected the GST registration", cut.Find("[data-testid=last-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_sends_one_decision_on_this_document()
    {
        var cut = Render(DocumentStatus.Pending);

        cut.FindAll("[role=toolbar] button")[0].Click();

        var decision = Assert.Single(_decisions);
        Assert.Equal(new BrandDocumentDecision(7, BrandDocument.Gst, true, null), decision);
        Assert.Contains("GST registration approved.", cut.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_asks_for_a_reason_first_and_sends_the_preset_picked()
    {
        var cut = Render(DocumentStatus.Pending);
        cut.FindAll("[role=toolbar] button")[1].Click();

        cut.Find("[data-testid=reason-form] button.mud-button-filled").Click();
        Assert.Empty(_decisions);
        Assert.Contains("A rejection needs a reason", cut.Markup, StringComparison.Ordinal);

        cut.FindAll(".mud-chip").First(c => c.TextContent.Contains("Document has expired", StringComparison.Ordinal)).Click();
        cut.Find("[data-testid=reason-form] button.mud-button-filled").Click();

        var decision = Assert.Single(_decisions);
        Assert.False(decision.Approve);
        Assert.Equal("Document has expired", decision.Reason);
    }

    [Fact]
    public void A_lost_race_says_who_decided_first()
    {
        _answer = Outcome.Conflict("Milan Moderator approved the GST registration first; it is now approved. Nothing of yours was saved.",
            "Milan Moderator", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var cut = Render(DocumentStatus.Pending);

        cut.FindAll("[role=toolbar] button")[0].Click();

        var alert = cut.Find("[data-testid=outcome]");
        Assert.Equal("conflict", alert.GetAttribute("data-outcome"));
        Assert.Contains("Milan Moderator approved the GST registration first", alert.TextContent, StringComparison.Ordinal);
    }
}
