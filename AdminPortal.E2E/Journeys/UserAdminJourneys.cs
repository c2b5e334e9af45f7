using AdminPortal.Data;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// The admin's user journeys. The moderator here is created for this test through the portal's own "create staff
/// account" page and set-password link: the demo accounts are shared by every journey and never changed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UserAdminJourneys(BrowserFixture portal)
{
    private const string NewPassword = "violet tractor under the monsoon";

    [Fact]
    public async Task A_revoked_moderator_loses_the_products_page_within_seconds_and_can_act_no_more()
    {
        var email = $"e2e-mod-{Guid.NewGuid():N}"[..20] + "@example.org";
        await using var adminContext = await portal.NewContextAsync(Demo.Admin);
        var admin = await adminContext.NewPageAsync();

        // 1. the admin creates the moderator and gets a one-time link
        await admin.GotoAsync("/users/new");
        await WaitForInteractiveAsync(admin);
        await admin.GetByLabel("Email").FillAsync(email);
        await admin.GetByLabel("Name").FillAsync("Eve Ephemeral");
        await admin.GetByLabel("Moderator (products and chats)").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var linkField = admin.GetByLabel("One-time link (shown once)");
        await Assertions.Expect(linkField).ToBeVisibleAsync();
        var link = await linkField.InputValueAsync();

        // 2. the moderator sets a password with it, signs in and opens the products queue
        await using var moderatorContext = await portal.NewContextAsync();
        var moderator = await moderatorContext.NewPageAsync();
        await moderator.GotoAsync(link);
        await moderator.ScreenshotAsync(new() { Path = Screenshot("set-password-390.png") });
        await moderator.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await moderator.GetByLabel("Repeat the new password").FillAsync(NewPassword);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(moderator.GetByText("Your password is set.")).ToBeVisibleAsync();
        await new LoginPage(moderator).SignInAsync(email, NewPassword);
        await moderator.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await moderator.GotoAsync("/products");
        var shell = new ShellPage(moderator);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Products");
        await WaitForWatcherAsync(moderator);

        // 3. the admin finds them and revokes the Moderator role
        await admin.GotoAsync($"/users?q={Uri.EscapeDataString(email)}");
        await WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Eve Ephemeral" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Eve Ephemeral", Level = 1 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Roles (1)" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke Moderator (everywhere)" }).ClickAsync();
        await admin.GetByLabel("Reason", new() { Exact = true }).FillAsync("E2E: moved to another team");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Revoked Moderator.")).ToBeVisibleAsync();

        // 4. the moderator's open page shows access denied within 5 s, without them doing anything
        await Assertions.Expect(moderator.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }))
            .ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(shell.SectionLink("Products")).ToHaveCountAsync(0);

        // 5. an action sent now is refused by the services: they read roles from the database
        var moderatorId = await UserIdAsync(email);
        await using (var services = PortalServices())
        await using (var scope = services.CreateAsyncScope())
        {
            var actors = scope.ServiceProvider.GetRequiredService<ActorResolver>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => actors.RequireAsync(
                new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                    [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, moderatorId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test")),
                Permission.ModerateProducts));
        }

        // 6. and their cookie (security stamp rotated) is refused on the next request
        await moderator.ReloadAsync();
        await moderator.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admin_filters_the_list_in_the_url_and_opens_a_user_page()
    {
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await using var context = await portal.NewContextAsync(Demo.Admin, width, height);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/users?role=Staff&sort=email");
            await WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sana Staff" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".users-table").GetByRole(AriaRole.Link, new() { Name = "Asha Admin" })).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Screenshot($"users-list-{width}x{height}.png"), FullPage = true });
            await page.GetByRole(AriaRole.Link, new() { Name = "Sana Staff" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sana Staff", Level = 1 })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Screenshot($"user-page-{width}x{height}.png"), FullPage = true });
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the user page overflows sideways by {overflow}px at {width}px");
        }
    }

    [Fact]
    public async Task The_csv_export_needs_the_manage_users_permission()
    {
        await using var adminContext = await portal.NewContextAsync(Demo.Admin);
        var page = await adminContext.NewPageAsync();
        await page.GotoAsync("/users?role=Moderator&sort=email");
        await WaitForInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var body = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("id,name,email,", body, StringComparison.Ordinal);
        Assert.Contains("moderator@adminportal.demo", body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff.a@adminportal.demo", body, StringComparison.Ordinal);

        // the export is a POST with an antiforgery token: a GET (an image tag, a link) and a POST without the token do nothing
        var get = await adminContext.APIRequest.GetAsync("/users/export.csv?role=Moderator", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, get.Status);
        var forged = await adminContext.APIRequest.PostAsync("/users/export.csv", new() { Form = adminContext.APIRequest.CreateFormData().Set("role", "Moderator"), MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        await using var moderatorContext = await portal.NewContextAsync(Demo.Moderator);
        var refused = await moderatorContext.APIRequest.PostAsync("/users/export.csv", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
    }

    /// <summary>
    /// Waits until the page runs on its circuit (the InteractiveMarker's data-interactive="true", a hidden element):
    /// input typed into the prerendered markup before that is lost when the interactive render replaces it.
    /// </summary>
    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Waits until the layout's live access watcher listens for changes to the signed-in user.</summary>
    private static Task WaitForWatcherAsync(IPage page) =>
        page.Locator("[data-live-access=watching]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private ServiceProvider PortalServices() =>
        PortalComposition.WithoutHost(portal.Server.ConnectionString,
            new Dictionary<string, string?> { ["Live:Transport"] = "InProcess" }).BuildServiceProvider();

    private async Task<int> UserIdAsync(string email)
    {
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static string Screenshot(string name) => Repository.ScreenshotPath(name);
}
