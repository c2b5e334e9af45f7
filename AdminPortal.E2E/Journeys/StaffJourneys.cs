using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using AdminPortal.Features.Team;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// Staff lifecycle (issue 18): a staff member created in the portal can work at once; an admin marks someone away and
/// their open tickets move to the desk by the auto-assignment rules, live on another admin's queue. The people here are
/// made for each test: the demo accounts are shared by every journey and never changed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class StaffJourneys(BrowserFixture portal)
{
    private const string NewPassword = "amber heron over the stepwell";

    [Fact]
    public async Task A_freshly_created_staff_member_signs_in_and_takes_a_ticket()
    {
        var email = $"e2e-staff-{Guid.NewGuid():N}"[..22] + "@example.org";
        await using var adminContext = await portal.NewContextAsync(Demo.Admin);
        var admin = await adminContext.NewPageAsync();

        // 1. the admin creates a Staff account of Neeladri with its profile
        await admin.GotoAsync("/users/new");
        await WaitForInteractiveAsync(admin);
        await admin.GetByLabel("Email").FillAsync(email);
        await admin.GetByLabel("Name").FillAsync("Nia Newcomer");
        await admin.GetByLabel("Staff (tickets)").CheckAsync();
        await admin.GetByLabel("Hostel (none: every hostel)").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Neeladri", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var linkField = admin.GetByLabel("One-time link (shown once)");
        await Assertions.Expect(linkField).ToBeVisibleAsync();
        var link = await linkField.InputValueAsync();

        // 2. they set a password, sign in and take an open ticket of their hostel
        var ticketId = await NewTicketAsync($"E2E first ticket {Guid.NewGuid():N}", assignedTo: null);
        await using var staffContext = await portal.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync(link);
        await staff.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await staff.GetByLabel("Repeat the new password").FillAsync(NewPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Your password is set.")).ToBeVisibleAsync();
        await new LoginPage(staff).SignInAsync(email, NewPassword);
        await staff.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        var ticket = new TicketDetailPage(staff);
        await ticket.OpenAsync(ticketId);
        await ticket.TakeAsync();
        await Assertions.Expect(ticket.Assignee).ToHaveTextAsync("Nia Newcomer");
        await Assertions.Expect(staff.GetByText("no staff profile")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_marks_someone_away_and_sees_their_tickets_move_on_another_queue()
    {
        var (staffId, name) = await NewStaffAsync();
        var titles = new[] { $"E2E away one {Guid.NewGuid():N}", $"E2E away two {Guid.NewGuid():N}" };
        foreach (var title in titles)
            await NewTicketAsync(title, staffId);

        // a second admin watches the person's queue
        await using var watcherContext = await portal.NewContextAsync(Demo.Admin);
        var watcher = await watcherContext.NewPageAsync();
        await watcher.GotoAsync($"/tickets?assignee={staffId}");
        await TicketPages.WaitInteractiveAsync(watcher);
        foreach (var title in titles)
            await Assertions.Expect(watcher.GetByText(title)).ToBeVisibleAsync();

        await using var adminContext = await portal.NewContextAsync(Demo.Admin);
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync($"/staff/{staffId}");
        await WaitForInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mark away", Exact = true }).ClickAsync();
        var preview = admin.GetByTestId("handoff-preview");
        await Assertions.Expect(preview).ToContainTextAsync("2 open ticket(s)");
        await admin.ScreenshotAsync(new() { Path = Repository.ScreenshotPath("staff-handoff-preview-1366x768.png"), FullPage = true });
        await preview.GetByRole(AriaRole.Button, new() { Name = "Mark away and hand them out" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason", new() { Exact = true }).FillAsync("E2E: on leave");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark away", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("staff-state")).ToHaveTextAsync("Away");
        await Assertions.Expect(admin.GetByTestId("staff-open-load")).ToContainTextAsync("0");

        // the watcher's queue loses both rows without a reload
        foreach (var title in titles)
            await Assertions.Expect(watcher.GetByText(title)).ToHaveCountAsync(0);
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var now = await db.Set<Ticket>().Where(t => titles.Contains(t.Title)).Select(t => t.AssignedTo).ToListAsync();
        Assert.Equal(2, now.Count);
        Assert.All(now, a => Assert.NotEqual(staffId, a));
    }

    [Fact]
    public async Task The_staff_pages_and_categories_read_at_both_sizes_in_light_and_dark()
    {
        int staffId;
        await using (var services = PortalServices())
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            staffId = await db.Set<Staff>().Where(s => s.User!.Email == Demo.StaffA).Select(s => s.Id).SingleAsync();
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        foreach (var dark in new[] { false, true })
        {
            await using var context = await portal.NewContextAsync(Demo.Admin, width, height);
            if (dark)   // the theme is a cookie: set once for the context, as the other journeys do
                await context.AddCookiesAsync([new Cookie { Name = "theme", Value = "dark", Url = portal.BaseUrl }]);
            var page = await context.NewPageAsync();
            foreach (var (url, shot) in new[] { ("/staff", "staff-list"), ($"/staff/{staffId}", "staff-page"), ("/tickets/categories", "categories") })
            {
                await page.GotoAsync(url);
                await WaitForInteractiveAsync(page);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
                await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath($"{shot}-{width}x{height}-{(dark ? "dark" : "light")}.png"), FullPage = true });
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{url} overflows sideways by {overflow}px at {width}px");
            }
        }
    }

    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private ServiceProvider PortalServices() =>
        PortalComposition.WithoutHost(portal.Server.ConnectionString,
            new Dictionary<string, string?> { ["Live:Transport"] = "InProcess" }).BuildServiceProvider();

    /// <summary>A staff member of every hostel in Mess (asked late: priority 50), made through the portal's own service.</summary>
    private async Task<(int StaffId, string Name)> NewStaffAsync()
    {
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.Email == Demo.Admin).Select(u => u.Id).SingleAsync();
        var mess = await db.Set<Category>().Where(c => c.Name == "Mess").Select(c => c.Id).SingleAsync();
        var name = $"Away {Guid.NewGuid():N}"[..13];
        await using var scope = services.CreateAsyncScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "e2e"));
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(admin, new StaffAccounts.Input(
            $"e2e-away-{Guid.NewGuid():N}"[..20] + "@example.org", name, null, [new RoleAssignments.Grant(PortalRoles.Staff)],
            new StaffProfileInput(null, [new CategoryPick(mess, 50)], null)));
        Assert.True(created.Succeeded, created.Message);
        return (await db.Set<Staff>().Where(s => s.UserId == created.Value!.UserId).Select(s => s.Id).SingleAsync(), name);
    }

    /// <summary>An open Mess ticket of a Neeladri student, straight into the table.</summary>
    private async Task<int> NewTicketAsync(string title, int? assignedTo)
    {
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var mess = await db.Set<Category>().Where(c => c.Name == "Mess").Select(c => c.Id).SingleAsync();
        var student = await db.Set<Student>().Where(s => s.HostelId == 1).OrderBy(s => s.UserId).Select(s => s.UserId).FirstAsync();
        var now = DateTime.UtcNow;
        var ticket = new Ticket
        {
            Title = title, Status = TicketStatus.Open, CategoryId = mess, HostelId = 1, CreatedBy = student, AssignedTo = assignedTo,
            CreatedAt = now, UpdatedAt = now, DueAt = now.AddHours(24),
        };
        db.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    }
}
