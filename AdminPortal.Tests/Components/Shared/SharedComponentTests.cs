using AdminPortal.Components.Shared;
using AdminPortal.Live;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AdminPortal.Tests.Components.Shared;

public sealed class SharedComponentTests : MudBunitContext
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T05:00:00Z");

    public SharedComponentTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddScoped<ViewerClock>();
    }

    [Fact]
    public void The_pager_shows_the_range_and_the_depth_cap()
    {
        var cut = RenderWithMud<ListPager>(p => p.Add(x => x.Page, 2).Add(x => x.PageSize, 25).Add(x => x.Total, 20_000)
            .Add(x => x.RowsOnPage, 25).Add(x => x.PageSizes, [10, 25]).Add(x => x.Label, "Products"));
        Assert.Equal("26–50 of 20,000", cut.Find("[data-testid=list-range]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=list-depth-cap]"));
        Assert.Equal("Products pages", cut.Find("nav").GetAttribute("aria-label"));
        // 10,000 rows at 25 a page: the last page offered is 400, not 800
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "400");
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "800");
    }

    [Fact]
    public void The_pager_says_nothing_about_an_empty_page_and_has_no_links_for_one_page()
    {
        var cut = RenderWithMud<ListPager>(p => p.Add(x => x.Page, 1).Add(x => x.PageSize, 25).Add(x => x.Total, 0)
            .Add(x => x.RowsOnPage, 0));
        Assert.Equal("", cut.Find("[data-testid=list-range]").TextContent);
        Assert.Empty(cut.FindAll(".mud-pagination"));
    }

    [Fact]
    public void The_pager_asks_for_the_page_and_size_chosen_and_offers_no_step_past_either_end()
    {
        var pages = new List<int>();
        var sizes = new List<int>();
        var cut = Render<ListPager>(p => p.Add(x => x.Page, 1).Add(x => x.PageSize, 25).Add(x => x.Total, 120)
            .Add(x => x.RowsOnPage, 25).Add(x => x.PageSizes, [10, 25, 50]).Add(x => x.Label, "Tickets")
            .Add(x => x.OnPage, p => pages.Add(p)).Add(x => x.OnPageSize, s => sizes.Add(s)));

        Assert.True(cut.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
        Assert.Equal("mud-icon-root mud-svg-icon mud-icon-size-small", cut.Find("button[aria-label='Next page'] svg").GetAttribute("class"));
        Assert.Equal("page", cut.Find("button[aria-label='Current page 1']").GetAttribute("aria-current"));
        Assert.Equal("25", cut.Find("select.page-size-select").GetAttribute("value"));
        Assert.Equal(["10", "25", "50"], cut.FindAll("select.page-size-select option").Select(o => o.TextContent).ToArray());
        Assert.Equal("Rows per page", cut.Find("label.page-size span").TextContent);
        cut.Find("button[aria-label='Page 3']").Click();
        cut.Find("button[aria-label='Next page']").Click();
        cut.Find("select.page-size-select").Change("50");
        cut.Find("select.page-size-select").Change("25");     // the size shown: nothing to ask
        cut.Find("select.page-size-select").Change("9999");   // not offered: refused
        Assert.Equal([3, 2], pages);
        Assert.Equal([50], sizes);

        cut.Render(p => p.Add(x => x.Page, 5));
        Assert.True(cut.Find("button[aria-label='Next page']").HasAttribute("disabled"));
        Assert.Empty(cut.FindComponents<MudPagination>());
        Assert.Empty(cut.FindComponents<MudSelect<int>>());
    }

    [Theory]
    [InlineData(1, 3, "1,2,3")]
    [InlineData(1, 7, "1,2,3,4,5,6,7")]
    [InlineData(2, 400, "1,2,3,4,5,-1,400")]
    [InlineData(5, 400, "1,-1,4,5,6,-1,400")]
    [InlineData(398, 400, "1,-1,396,397,398,399,400")]
    [InlineData(4, 9, "1,2,3,4,5,-1,9")]
    [InlineData(5, 9, "1,-1,4,5,6,-1,9")]
    public void The_pager_lays_out_its_page_numbers_as_MudPagination_did(int current, int count, string expected)
    {
        Assert.Equal(expected, string.Join(",", ListPager.Pages(current, count)));
    }

    [Fact]
    public async Task The_reason_dialog_refuses_what_the_rules_refuse_and_returns_the_reason()
    {
        var provider = RenderWithMud<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var rules = new ReasonRules(5, 50, ["Blurry images", "Wrong cause"]);
        Task<string?> answer = Task.FromResult<string?>(null);
        // a statement lambda: InvokeAsync must not wait for the dialog's answer, which the clicks below give
        await provider.InvokeAsync(() => { answer = dialogs.AskReasonAsync(new ReasonRequest("Reject “Mug”", rules, "Reject", Danger: true)); });

        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=reason-confirm]")));
        provider.Find("[data-testid=reason-confirm]").Click();
        provider.WaitForAssertion(() => Assert.Contains("Give a reason.", provider.Markup));

        provider.Find("[data-testid=reason-text]").Input("abc");
        provider.Find("[data-testid=reason-confirm]").Click();
        provider.WaitForAssertion(() => Assert.Contains("at least 5 characters", provider.Markup));

        provider.FindAll(".mud-chip").First(c => c.TextContent.Contains("Wrong cause")).Click();
        provider.Find("[data-testid=reason-text]").Input("photo is of a kettle");
        provider.Find("[data-testid=reason-confirm]").Click();
        Assert.Equal("Wrong cause; photo is of a kettle", await answer);
    }

    [Fact]
    public void A_change_is_announced_unless_the_viewer_made_it()
    {
        var change = new ChangeEvent(EntityTypes.User, "7", ChangeActions.Updated, ActorId: 3, ActorName: "Asha")
            { At = DateTimeOffset.Parse("2026-12-02T04:30:00Z") };
        var other = Render<ChangedByNotice>(p => p.Add(x => x.Change, change).Add(x => x.ViewerId, 9).Add(x => x.What, "user"));
        Assert.Contains("Asha changed this user at 04:30:00", other.Markup);
        var own = Render<ChangedByNotice>(p => p.Add(x => x.Change, change).Add(x => x.ViewerId, 3));
        Assert.Empty(own.Markup.Trim());
    }

    [Fact]
    public void Times_read_relative_with_the_absolute_time_on_hover_and_focus()
    {
        Services.GetRequiredService<ViewerClock>().UseZone("Asia/Kolkata");
        var cut = Render<TimeText>(p => p.Add(x => x.Utc, new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc)).Add(x => x.Relative, true));
        var time = cut.Find("time");
        Assert.Equal("3 h ago", time.TextContent);
        Assert.Equal("02 Dec 2026, 07:30 UTC+05:30", time.GetAttribute("title"));
        Assert.Equal("0", time.GetAttribute("tabindex"));
    }

    [Theory]
    [InlineData(OutcomeKind.Done, "status", "mud-alert-text-success")]
    [InlineData(OutcomeKind.Refused, "alert", "mud-alert-text-error")]
    [InlineData(OutcomeKind.Conflict, "alert", "mud-alert-text-warning")]
    public void An_outcome_is_shown_with_its_kind_in_words_not_colour_alone(OutcomeKind kind, string role, string cssClass)
    {
        var cut = RenderWithMud<OutcomeAlert>(p => p.Add(x => x.Outcome, new Outcome(kind, "Said.", ChangedBy: "Asha")));
        var alert = cut.Find("[data-testid=outcome]");
        Assert.Equal(role, alert.GetAttribute("role"));
        Assert.Contains(cssClass, alert.ClassName);
        Assert.Contains("Said.", alert.TextContent);
        Assert.NotEmpty(cut.Find(".outcome-kind").TextContent);
    }

    [Fact]
    public void A_refusal_about_a_field_is_left_to_the_field()
    {
        var cut = RenderWithMud<OutcomeAlert>(p => p.Add(x => x.Outcome, Outcome.Refused("Too short.", "title")));
        Assert.Empty(cut.FindAll("[data-testid=outcome]"));
    }
}
