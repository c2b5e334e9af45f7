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
        Services.AddPortalAuthorization();
        // bUnit registers throwing placeholders; the real ASP.NET Core services evaluate the portal's real policies.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(role));

        var nav = RenderWithMud<NavMenu>();

        var links = nav.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), links);
    }

    private sealed class FixedAuthenticationState(string role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"))));
    }
}
