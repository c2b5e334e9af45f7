using AdminPortal.Components.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;

namespace AdminPortal.Tests.Components.Shared;

/// <summary>
/// The queues' status tabs as MudTabs' markup (session 13): a named tab list, one tab selected and the only tab stop,
/// a click or the arrow keys, Home and End open another, and no MudBlazor component left in it.
/// </summary>
public sealed class QueueTabsTests : MudBunitContext
{
    private static readonly string[] Labels = ["Suggestions · 29", "Drafts · 130", "Published · 373", "All · 600"];

    [Fact]
    public void The_tabs_are_a_named_tab_list_with_the_open_one_selected_and_the_only_tab_stop()
    {
        var cut = Render<QueueTabs>(p => p.Add(x => x.Label, "Products by status").Add(x => x.Labels, Labels).Add(x => x.Active, 2));

        var list = cut.Find("[role=tablist]");
        Assert.Equal("Products by status", list.GetAttribute("aria-label"));
        var tabs = cut.FindAll("button[role=tab]");
        Assert.Equal(Labels, tabs.Select(t => t.TextContent).ToArray());
        Assert.Equal("false,false,true,false", string.Join(",", tabs.Select(t => t.GetAttribute("aria-selected"))));
        Assert.Equal("-1,-1,0,-1", string.Join(",", tabs.Select(t => t.GetAttribute("tabindex"))));
        Assert.Contains("mud-tab-active", tabs[2].ClassList);
        Assert.Single(cut.FindAll(".mud-tab-active"));
        Assert.Empty(cut.FindComponents<MudBlazor.MudTabs>());
    }

    [Fact]
    public void A_click_or_a_key_opens_a_tab()
    {
        var opened = new List<int>();
        var cut = Render<QueueTabs>(p => p.Add(x => x.Label, "Brands").Add(x => x.Labels, Labels).Add(x => x.Active, 0)
            .Add(x => x.OnSelect, i => opened.Add(i)));

        cut.FindAll("button[role=tab]")[3].Click();
        cut.FindAll("button[role=tab]")[0].KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowLeft" });
        cut.FindAll("button[role=tab]")[0].KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowRight" });
        cut.FindAll("button[role=tab]")[0].KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "a" });
        cut.FindAll("button[role=tab]")[0].Click();   // the open tab: nothing to open

        Assert.Equal([3, 3, 1], opened);
    }

    [Theory]
    [InlineData("ArrowRight", 0, 1)]
    [InlineData("ArrowRight", 3, 0)]
    [InlineData("ArrowLeft", 0, 3)]
    [InlineData("ArrowLeft", 2, 1)]
    [InlineData("Home", 2, 0)]
    [InlineData("End", 1, 3)]
    [InlineData("Enter", 1, null)]
    [InlineData("Tab", 1, null)]
    public void Keys_move_as_the_tabs_pattern_says(string key, int from, int? expected)
    {
        Assert.Equal(expected, QueueTabs.Target(key, from, 4));
    }
}
