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
