using System.Security.Claims;
using AdminPortal.Components;
using AdminPortal.Components.Layout;
using AdminPortal.Components.Shared;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Search;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace AdminPortal.Tests.Components.Layout;

/// <summary>
/// The app bar written out as MudBlazor's markup (decision 0052): every control named as before, the theme and drawer
/// toggles, the sign-out form with its antiforgery token, the search box and the bell only for a signed-in user, and
/// none of the MudBlazor components it replaced.
/// </summary>
public sealed class MainLayoutTests : MudBunitContext
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public MainLayoutTests()
    {
        _auth = AddAuthorization();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        // the layout's own parts are under test; the components it hosts have tests of their own
        ComponentFactories.AddStub<SearchBox>("<div data-stub=\"search\"></div>");
        ComponentFactories.AddStub<NotificationBell>("<div data-stub=\"bell\"></div>");
        ComponentFactories.AddStub<NavMenu>("<nav data-stub=\"nav\"></nav>");
        ComponentFactories.AddStub<LiveAccessWatcher>();
        ComponentFactories.AddStub<DatabaseBanner>();
        ComponentFactories.AddStub<RestartNotice>();
    }

    private IRenderedComponent<MainLayout> RenderLayout(bool dark = false)
    {
#pragma warning disable BL0005   // the root component's cookie-read theme, as App hands it to Routes
        var root = new Routes { DarkMode = dark };
#pragma warning restore BL0005
        return Render<MainLayout>(p => p
            .AddCascadingValue(root)
            .Add(l => l.Body, "<p id=\"page\">the page</p>"));
    }

    private void SignIn(string name)
    {
        _auth.SetAuthorized("mira@adminportal.demo");
        _auth.SetClaims(new Claim("name", name));
    }

    [Fact]
    public void A_signed_in_user_sees_every_control_of_the_app_bar_named_and_the_sign_out_form_carries_its_token()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        var bar = cut.Find("header.mud-appbar");

        Assert.NotNull(bar.QuerySelector("button[aria-label='Toggle navigation']"));
        Assert.Equal("AdminPortal", bar.QuerySelector(".app-title")!.TextContent);
        var theme = bar.QuerySelector("button[aria-label='Switch to dark theme']")!;
        Assert.Equal("Dark theme", theme.GetAttribute("title"));   // the tooltip, now the browser's
        var user = bar.QuerySelector("a[data-testid=signed-in-user]")!;
        Assert.Equal("Mira Moderator", user.TextContent.Trim());
        Assert.Equal("/account/sessions", user.GetAttribute("href"));
        Assert.Equal("Your sessions", user.GetAttribute("title"));
        Assert.Equal("/account/security", bar.QuerySelector("a[aria-label='Sign-in security']")!.GetAttribute("href"));
        var form = bar.QuerySelector("form[action='account/logout']")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("the-token", form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")!.GetAttribute("value"));
        var signOut = form.QuerySelector("button[type=submit]")!;
        Assert.Equal("Sign out", signOut.GetAttribute("aria-label"));
        Assert.Equal("Sign out", signOut.QuerySelector(".sign-out-label")!.TextContent);
        Assert.NotNull(bar.QuerySelector("[data-stub=search]"));
        Assert.NotNull(bar.QuerySelector("[data-stub=bell]"));
        // every icon is decoration, named by its button; no unnamed control
        Assert.All(bar.QuerySelectorAll("svg"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.All(bar.QuerySelectorAll("button, a"), c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("aria-label") ?? c.TextContent)));
        Assert.NotNull(cut.Find("#page"));
    }

    [Fact]
    public void The_app_bar_is_markup_not_the_components_it_replaced()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        Assert.Empty(cut.FindComponents<MudAppBar>());
        Assert.Empty(cut.FindComponents<MudIconButton>());
        Assert.Empty(cut.FindComponents<MudIcon>());
        Assert.Empty(cut.FindComponents<MudTooltip>());
        Assert.Empty(cut.FindComponents<MudButton>());
        Assert.Empty(cut.FindComponents<MudLink>());
        Assert.Empty(cut.FindComponents<MudText>());
        // MudBlazor's own classes keep its look: a dense app bar over a dense toolbar, inherit-coloured icon buttons
        Assert.Contains("mud-appbar-dense", cut.Find("header").ClassList);
        Assert.Contains("mud-toolbar-appbar", cut.Find("header > div").ClassList);
        Assert.Contains("mud-icon-button", cut.Find("button[aria-label='Toggle navigation']").ClassList);
    }

    [Fact]
    public void An_anonymous_visitor_sees_the_toggles_and_nothing_of_an_account()
    {
        _auth.SetNotAuthorized();
        var cut = RenderLayout();

        Assert.NotNull(cut.Find("button[aria-label='Toggle navigation']"));
        Assert.NotNull(cut.Find("button[aria-label='Switch to dark theme']"));
        Assert.Empty(cut.FindAll("[data-testid=signed-in-user]"));
        Assert.Empty(cut.FindAll("form[action='account/logout']"));
        Assert.Empty(cut.FindAll("a[aria-label='Sign-in security']"));
        Assert.Empty(cut.FindAll("[data-stub=search], [data-stub=bell]"));
    }

    [Fact]
    public void Signing_in_on_an_open_circuit_shows_the_account_controls()
    {
        _auth.SetNotAuthorized();
        var cut = RenderLayout();
        Assert.Empty(cut.FindAll("[data-testid=signed-in-user]"));

        SignIn("Asha Admin");

        cut.WaitForAssertion(() => Assert.Equal("Asha Admin", cut.Find("[data-testid=signed-in-user]").TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-stub=bell]"));
    }

    [Fact]
    public void The_theme_button_switches_the_theme_remembers_it_and_names_the_other_one()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        Assert.False(cut.FindComponent<PortalThemeProvider>().Instance.IsDarkMode);

        cut.Find("button[aria-label='Switch to dark theme']").Click();

        var light = cut.Find("button[aria-label='Switch to light theme']");
        Assert.Equal("Light theme", light.GetAttribute("title"));
        Assert.True(cut.FindComponent<PortalThemeProvider>().Instance.IsDarkMode);
        var remembered = JSInterop.Invocations["adminPortal.rememberTheme"];
        Assert.Equal("dark", Assert.Single(remembered).Arguments[0]);

        light.Click();
        Assert.NotNull(cut.Find("button[aria-label='Switch to dark theme']"));
        Assert.False(cut.FindComponent<PortalThemeProvider>().Instance.IsDarkMode);
        Assert.Equal("light", JSInterop.Invocations["adminPortal.rememberTheme"][1].Arguments[0]);
    }

    [Fact]
    public void The_theme_from_the_cookie_is_the_one_shown()
    {
        _auth.SetNotAuthorized();
        var cut = RenderLayout(dark: true);
        Assert.True(cut.FindComponent<PortalThemeProvider>().Instance.IsDarkMode);
        Assert.Equal("Light theme", cut.Find("button[aria-label='Switch to light theme']").GetAttribute("title"));
    }

    [Fact]
    public void Beside_the_page_the_drawer_is_open_until_its_toggle_closes_it()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        var toggle = cut.Find("button.nav-toggle-wide");
        Assert.Equal("Toggle navigation", toggle.GetAttribute("aria-label"));
        Assert.Equal("portal-drawer", toggle.GetAttribute("aria-controls"));
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--open", cut.Find("aside#portal-drawer").ClassList);
        Assert.Contains("mud-drawer-open-responsive-md-left", cut.Find(".mud-layout").ClassList);

        cut.Find("button.nav-toggle-wide").Click();
        Assert.Equal("false", cut.Find("button.nav-toggle-wide").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--closed", cut.Find("aside#portal-drawer").ClassList);   // app.css hides it too
        Assert.Contains("mud-drawer-close-responsive-md-left", cut.Find(".mud-layout").ClassList);
        Assert.Empty(cut.FindAll(".portal-drawer-backdrop"));

        cut.Find("button.nav-toggle-wide").Click();
        Assert.Contains("mud-drawer--open", cut.Find("aside#portal-drawer").ClassList);
    }

    [Fact]
    public void Over_a_phones_page_the_drawer_opens_by_its_toggle_and_closes_by_the_backdrop_or_a_chosen_section()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        var toggle = cut.Find("button.nav-toggle-narrow");
        Assert.Equal("Toggle navigation", toggle.GetAttribute("aria-label"));
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.DoesNotContain("portal-drawer-shown", cut.Find(".mud-layout").ClassList);

        toggle.Click();
        Assert.Equal("true", cut.Find("button.nav-toggle-narrow").GetAttribute("aria-expanded"));
        Assert.Contains("portal-drawer-shown", cut.Find(".mud-layout").ClassList);
        Assert.Contains("mud-drawer--open", cut.Find("aside#portal-drawer").ClassList);   // the wide state is untouched
        cut.Find(".portal-drawer-backdrop").Click();
        Assert.DoesNotContain("portal-drawer-shown", cut.Find(".mud-layout").ClassList);
        Assert.Empty(cut.FindAll(".portal-drawer-backdrop"));

        cut.Find("button.nav-toggle-narrow").Click();
        var chosen = cut.FindComponent<Stub<NavMenu>>().Instance.Parameters.Get(n => n.OnNavigate);
        cut.InvokeAsync(() => chosen.InvokeAsync());
        Assert.DoesNotContain("portal-drawer-shown", cut.Find(".mud-layout").ClassList);
        Assert.Equal("false", cut.Find("button.nav-toggle-narrow").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void The_layout_keeps_no_MudBlazor_layout_component_and_the_theme_watches_nothing_in_the_browser()
    {
        SignIn("Mira Moderator");
        var cut = RenderLayout();
        Assert.Empty(cut.FindComponents<MudLayout>());
        Assert.Empty(cut.FindComponents<MudDrawer>());
        Assert.Empty(cut.FindComponents<MudMainContent>());
        Assert.Empty(cut.FindComponents<MudContainer>());
        Assert.Empty(cut.FindComponents<MudThemeProvider>());
        Assert.NotNull(cut.Find("main.mud-main-content > .mud-container #page"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "mudThemeProvider.watchDarkMode");
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.Contains("Breakpoint", StringComparison.OrdinalIgnoreCase)
                                                          || i.Identifier.Contains("resize", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_theme_styles_are_exactly_MudBlazors_own_and_one_string_per_theme(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme).Add(t => t.IsDarkMode, dark));
        var portal = Render<PortalThemeProvider>(p => p.Add(t => t.IsDarkMode, dark));
        var again = Render<PortalThemeProvider>(p => p.Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", portal.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, portal.Markup);
        Assert.Equal(portal.Markup, again.Markup);
        var other = Render<PortalThemeProvider>(p => p.Add(t => t.IsDarkMode, !dark));
        Assert.NotEqual(portal.Markup, other.Markup);
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("the-token", "__RequestVerificationToken");
    }
}
