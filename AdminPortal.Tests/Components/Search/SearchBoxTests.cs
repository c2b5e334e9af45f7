using System.Security.Claims;
using AdminPortal.Features.Search;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Components.Search;

/// <summary>The app bar's search box: a combobox whose listbox groups the hits; arrows, Enter and Esc; stale answers dropped.</summary>
public sealed class SearchBoxTests : MudBunitContext
{
    private readonly FakeSearch _search = new();

    public SearchBoxTests()
    {
        Services.AddSingleton<IGlobalSearch>(_search);
        Services.AddSingleton(TimeProvider.System);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<SearchBox> RenderAs(string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Role, role)], "test"));
        var auth = Task.FromResult(new AuthenticationState(user));
        return Render<SearchBox>(p => p
            .AddCascadingValue(auth)
            .Add(b => b.DebounceMs, 0));
    }

    private sealed class FakeSearch : IGlobalSearch
    {
        public List<string?> Asked { get; } = [];
        public Dictionary<string, TaskCompletionSource<SearchResults>> Pending { get; } = [];

        public Task<SearchResults> SearchAsync(ClaimsPrincipal by, string? text, CancellationToken ct = default)
        {
            Asked.Add(text);
            var term = GlobalSearch.Term(text)!;
            if (Pending.TryGetValue(term, out var pending))
                return pending.Task;
            return Task.FromResult(new SearchResults(term,
            [
                new SearchHit(SearchKind.Ticket, "42", "#42 Leaking tap", "Open", "/tickets/42"),
                new SearchHit(SearchKind.User, "7", "Asha Admin", "admin@adminportal.demo", "/users/7"),
                new SearchHit(SearchKind.User, "8", "Asha Rao", "asha@example.org", "/users/8"),
            ]));
        }
    }

    [Fact]
    public void Results_are_a_listbox_of_groups_by_kind_and_the_arrows_move_the_active_option()
    {
        var box = RenderAs(PortalRoles.Admin);
        var input = box.Find("input[role=combobox]");
        Assert.Equal("false", input.GetAttribute("aria-expanded"));

        input.Input("asha");

        input = box.Find("input[role=combobox]");
        Assert.Equal("true", input.GetAttribute("aria-expanded"));
        Assert.Equal(["Tickets", "Users"], box.FindAll("[role=group] .global-search-group-label").Select(l => l.TextContent));
        Assert.Equal(3, box.FindAll("[role=option]").Count);
        Assert.Equal(SearchBoxState.OptionId(0), input.GetAttribute("aria-activedescendant"));

        input.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        input.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal(SearchBoxState.OptionId(2), box.Find("input").GetAttribute("aria-activedescendant"));
        Assert.Equal("true", box.Find($"#{SearchBoxState.OptionId(2)}").GetAttribute("aria-selected"));
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });   // wraps to the first
        Assert.Equal(SearchBoxState.OptionId(0), box.Find("input").GetAttribute("aria-activedescendant"));
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        Assert.Equal(SearchBoxState.OptionId(2), box.Find("input").GetAttribute("aria-activedescendant"));
    }

    [Fact]
    public void Enter_opens_the_active_row_page_and_Esc_closes_then_clears()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var box = RenderAs(PortalRoles.Admin);
        box.Find("input").Input("asha");
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith("/users/7", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("false", box.Find("input").GetAttribute("aria-expanded"));

        box.Find("input").Input("leak");
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(box.FindAll("[role=listbox]"));
        Assert.Equal("leak", box.Find("input").GetAttribute("value"));
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Equal("", box.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void Short_text_asks_nothing_and_says_why_and_a_late_answer_for_older_text_is_dropped()
    {
        var box = RenderAs(PortalRoles.Staff);
        box.Find("input").Input("as");
        Assert.Empty(_search.Asked);
        Assert.Contains("at least 3 characters", box.Find("[data-testid=global-search-notice]").TextContent, StringComparison.Ordinal);

        var slow = new TaskCompletionSource<SearchResults>();
        _search.Pending["leak"] = slow;
        box.Find("input").Input("leak");
        box.Find("input").Input("leaking");
        slow.SetResult(new SearchResults("leak", [new SearchHit(SearchKind.Ticket, "1", "#1 Old answer", null, "/tickets/1")]));

        box.WaitForAssertion(() => Assert.Equal(3, box.FindAll("[role=option]").Count));
        Assert.DoesNotContain(box.FindAll("[role=option]"), o => o.TextContent.Contains("Old answer", StringComparison.Ordinal));
        Assert.Equal(["leak", "leaking"], _search.Asked);
    }

    [Fact]
    public void A_signed_in_user_without_any_list_gets_no_box()
    {
        var box = RenderAs(PortalRoles.User);
        Assert.Empty(box.FindAll("input"));
    }
}
