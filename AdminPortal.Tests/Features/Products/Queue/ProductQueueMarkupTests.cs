using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AdminPortal.Tests.Features.Products.Queue;

/// <summary>
/// The queue's markup kept cheap per circuit (docs/perf/circuits.md, decision 0046): a row is one component that renders
/// again only when what it shows changed, and the filter panel's MudBlazor inputs exist only while it is open.
/// </summary>
public sealed class ProductQueueMarkupTests : MudBunitContext
{
    private static readonly ProductRow Row = new("p-1", "Brass lamp", Cause.GriefCare, 3, "Lamp House", 1000, 800,
        PublishingStatus.Suggestion, new DateTime(2026, 12, 1, 5, 0, 0, DateTimeKind.Utc), null, 1);

    public ProductQueueMarkupTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T05:00:00Z")));
        Services.AddScoped<ViewerClock>();
        // the folded panel with no vendor filter reads nothing: a service that would fail on any read
        Services.AddSingleton(new ProductQueryService(null!, null!, null!, null!, null!, TimeProvider.System));
        AddAuthorization().SetAuthorized("moderator@example.test");
    }

    private static PresenceEntry Reviewer(int id, string name) =>
        new(EntityTypes.Product, "p-1", id, name, DateTimeOffset.MaxValue);

    [Fact]
    public void A_row_shows_its_reviewers_as_labelled_avatars_and_counts_those_past_two()
    {
        var cut = Render<ProductQueueRow>(p => p.Add(x => x.Row, Row).Add(x => x.ReviewUrl, "/products/p-1")
            .Add(x => x.Selectable, true)
            .Add(x => x.Reviewers, [Reviewer(1, "Asha Rao"), Reviewer(2, "Ben Okafor"), Reviewer(3, "Chen Li")]));

        var avatars = cut.FindAll("[data-testid=presence-avatars] [role=img]");
        Assert.Equal(["Asha Rao is reviewing this", "Ben Okafor is reviewing this", "1 more reviewing this"],
            avatars.Select(a => a.GetAttribute("aria-label")));
        Assert.Equal(["AR", "BO", "+1"], avatars.Select(a => a.TextContent.Trim()));
        Assert.Equal("Select Brass lamp", cut.Find("input[type=checkbox]").GetAttribute("aria-label"));
        Assert.Empty(cut.FindComponents<MudAvatar>());   // plain markup, no component per avatar
    }

    [Fact]
    public void A_row_renders_again_only_when_what_it_shows_changed()
    {
        var selected = new List<bool>();
        var cut = Render<ProductQueueRow>(p => p.Add(x => x.Row, Row).Add(x => x.ReviewUrl, "/products/p-1")
            .Add(x => x.Selectable, true).Add(x => x.OnSelect, on => selected.Add(on)));
        Assert.Equal(1, cut.RenderCount);

        // the page rendering for someone else's event: equal values (a new callback), no render
        cut.Render(p => p.Add(x => x.Row, Row with { }).Add(x => x.ReviewUrl, "/products/p-1")
            .Add(x => x.Selectable, true).Add(x => x.OnSelect, on => selected.Add(!on)));
        Assert.Equal(1, cut.RenderCount);
        Assert.Empty(cut.FindAll("[data-testid=presence-avatars]"));

        // the newest callback is the one called, though the row did not render with it
        cut.Find("input[type=checkbox]").Change(true);
        Assert.Equal([false], selected);

        cut.Render(p => p.Add(x => x.Row, Row).Add(x => x.ReviewUrl, "/products/p-1").Add(x => x.Selectable, true)
            .Add(x => x.Reviewers, [Reviewer(1, "Asha Rao")]));
        Assert.Equal(2, cut.RenderCount);
        Assert.Equal("Asha Rao is reviewing this", cut.Find("[data-testid=presence-avatars] [role=img]").GetAttribute("aria-label"));

        cut.Render(p => p.Add(x => x.Row, Row).Add(x => x.ReviewUrl, "/products/p-1").Add(x => x.IsCursor, true));
        Assert.Equal(3, cut.RenderCount);
        Assert.Equal("true", cut.Find("tr").GetAttribute("aria-selected"));
    }

    [Fact]
    public void The_folded_filters_draw_no_inputs_and_list_the_active_filters_and_open_on_the_button()
    {
        var query = ProductQueueQuery.Default with { Cause = Cause.GriefCare, MinPrice = 500, Search = "lamp", Decided = DecidedWindow.Today };
        var changes = new List<ProductQueueQuery>();
        var cut = RenderWithMud<ProductQueueFilters>(p => p.Add(x => x.Query, query).Add(x => x.OnChange, q => changes.Add(q)));

        var toggle = cut.Find("button.queue-filters-toggle");
        Assert.Equal("Filters (on)", toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindComponents<MudTextField<string>>());
        Assert.Empty(cut.FindComponents<MudSelect<Cause?>>());
        Assert.Empty(cut.FindAll("[role=search]"));
        Assert.Equal(["“lamp”", "Cause: " + ProductLabels.Of(Cause.GriefCare), "Min ₹500", "Decided by me: today"],
            cut.FindAll("[data-testid=filter-summary] li").Select(li => li.TextContent.Trim()));

        toggle.Click();
        Assert.Equal("true", cut.Find("button.queue-filters-toggle").GetAttribute("aria-expanded"));
        Assert.NotEmpty(cut.FindComponents<MudTextField<string>>());   // the search, and inside the date pickers
        Assert.Single(cut.FindComponents<MudAutocomplete<VendorOption>>());
        Assert.Equal("Filter products", cut.Find("[role=search]").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("[data-testid=filter-summary]"));

        cut.Find("button.queue-filters-toggle").Click();
        Assert.Empty(cut.FindComponents<MudTextField<string>>());
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters").Click();
        Assert.Equal(query.WithoutFilters(), Assert.Single(changes));
    }
}
