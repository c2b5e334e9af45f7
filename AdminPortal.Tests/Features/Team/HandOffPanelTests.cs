using AdminPortal.Features.Team;
using AdminPortal.Features.Team.Member;
using AdminPortal.Features.Tickets.Categories;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Tests.Infrastructure;
using Bunit;

namespace AdminPortal.Tests.Features.Team;

/// <summary>The panels that show what an action would do to open tickets before it happens, and what they send.</summary>
public sealed class HandOffPanelTests : MudBunitContext
{
    [Fact]
    public void The_hand_off_preview_lists_who_gets_how_many_and_sends_the_choice()
    {
        var chosen = new List<bool>();
        var cut = RenderWithMud<HandOffPanel>(p => p
            .Add(x => x.Name, "Suresh")
            .Add(x => x.Plan, new HandOffPlan(4, [new HandOffLine("Sana", 2), new HandOffLine("Sid", 1), new HandOffLine(null, 1)]))
            .Add(x => x.OnChoose, b => chosen.Add(b)));

        var rows = cut.FindAll("tbody tr").Select(r => r.TextContent.Trim()).ToArray();
        Assert.Equal(["Sana2", "Sid1", "Back to the queue (nobody free in the category)1"], rows);
        Assert.Contains("4 open ticket(s)", cut.Markup, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Contains("hand them out", StringComparison.Ordinal)).Click();
        cut.FindAll("button").Single(b => b.TextContent.Contains("keep their tickets", StringComparison.Ordinal)).Click();
        Assert.Equal([true, false], chosen);
    }

    [Fact]
    public void With_no_open_ticket_the_preview_offers_only_to_mark_away()
    {
        var cut = RenderWithMud<HandOffPanel>(p => p.Add(x => x.Name, "Rao").Add(x => x.Plan, new HandOffPlan(0, [])));

        Assert.Empty(cut.FindAll("table"));
        Assert.Equal(["Mark away", "Cancel"], cut.FindAll("button").Select(b => b.TextContent.Trim()).ToArray());
    }

    [Fact]
    public void Deactivating_a_category_asks_where_its_open_tickets_go_and_sends_the_target()
    {
        var sent = new List<(OpenTicketsChoice, int?)>();
        var cut = RenderWithMud<DeactivateCategoryPanel>(p => p
            .Add(x => x.Name, "Maintenance")
            .Add(x => x.OpenTickets, 3)
            .Add(x => x.Targets, [new Option(2, "Mess")])
            .Add(x => x.OnConfirm, c => sent.Add(c)));

        Assert.Contains("3 open ticket(s)", cut.Find("[data-testid=open-count]").TextContent, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Deactivate").Click();
        Assert.Equal([(OpenTicketsChoice.Stay, (int?)null)], sent);
    }
}
