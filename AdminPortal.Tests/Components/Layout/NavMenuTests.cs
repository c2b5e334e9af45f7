using Microsoft.AspNetCore.Components;
using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Components.Layout;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Components.Layout;

/// <summary>The drawer shows each role exactly its sections, evaluated by the portal's real policies.</summary>
public sealed class NavMenuTests : MudBunitContext
{
    [Theory]
    [InlineData(PortalRoles.Admin, "Dashboard,Products,Brands,Influencers,Niches,Vendors,Subscriptions,Tickets,Staff,Users,Chats,Audit log,System,Notifications")]
    [InlineData(PortalRoles.Moderator, "Dashboard,Products,Brands,Influencers,Niches,Vendors,Chats,Notifications")]
    [InlineData(PortalRoles.Staff, "Dashboard,Tickets,Notifications")]
    [InlineData(PortalRoles.User, "")]
    public void Shows_each_role_only_its_sections(string role, string expected)
    {
        SignedInAs(role);

        var nav = RenderWithMud<NavMenu>();

        var links = nav.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), links);
    }

    [Fact]
    public void A_click_on_a_section_tells_the_layout_so_the_phone_drawer_closes_and_the_current_section_is_active()
    {
        SignedInAs(PortalRoles.Staff);
        var chosen = 0;

        var nav = RenderWithMud<NavMenu>(p => p.Add(n => n.OnNavigate, () => chosen++));
        nav.Find("a[href='/tickets']").Click();

        Assert.Equal(1, chosen);
        Assert.Contains("active", nav.Find("a[href='/']").ClassList);   // bUnit's location is the base address
        Assert.DoesNotContain("active", nav.Find("a[href='/tickets']").ClassList);
        Assert.Equal("true", nav.Find("a[href='/tickets'] svg").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void The_current_section_follows_the_address_and_is_named_for_assistive_technology()
    {
        SignedInAs(PortalRoles.Admin);
        var nav = RenderWithMud<NavMenu>();
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/tickets/5?tab=log");
        nav.WaitForAssertion(() => Assert.Equal("page", nav.Find("a[href='/tickets']").GetAttribute("aria-current")));
        Assert.Single(nav.FindAll("a.active"));
        Assert.Null(nav.Find("a[href='/']").GetAttribute("aria-current"));

        navigation.NavigateTo("/");
        nav.WaitForAssertion(() => Assert.Contains("active", nav.Find("a[href='/']").ClassList));
        Assert.DoesNotContain("active", nav.Find("a[href='/tickets']").ClassList);
        Assert.Single(nav.FindAll("a[aria-current=page]"));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("?welcome=1", "/")]
    [InlineData("products", "/products")]
    [InlineData("products/IM_01?from=queue#images", "/products")]
    [InlineData("tickets/", "/tickets")]
    [InlineData("audit", "/audit")]
    [InlineData("productsx", null)]
    [InlineData("account/security", null)]
    public void A_section_is_current_on_its_path_and_below_it_and_the_dashboard_only_on_its_own(string relative, string? expected)
    {
        Assert.Equal(expected, NavMenu.Current(NavMenu.All, relative)?.Href);
    }

    [Fact]
    public void Every_section_links_to_a_path_of_the_portal_itself()
    {
        Assert.All(NavMenu.All, s => Assert.Matches("^/[a-z]*$", s.Href));
        Assert.Equal(NavMenu.All.Count, NavMenu.All.Select(s => s.Href).Distinct().Count());
    }

    /// <summary>bUnit registers throwing placeholders; the real ASP.NET Core services evaluate the portal's real policies.</summary>
    private void SignedInAs(string role)
    {
        Services.AddPortalAuthorization();
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(role));
    }

    private sealed class FixedAuthenticationState(string role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"))));
    }
}
