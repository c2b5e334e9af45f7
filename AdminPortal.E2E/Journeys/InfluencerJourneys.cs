using System.Text.RegularExpressions;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;
using Npgsql;

namespace AdminPortal.E2E.Journeys;

/// <summary>Cloutsy's operators: find a creator, invalidate their open codes, deactivate them; the list follows live.</summary>
[Collection(PortalCollection.Name)]
public sealed class InfluencerJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_moderator_finds_a_creator_invalidates_their_codes_and_deactivates_them_while_the_list_follows()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Journey Creator {tag}";
        var id = await AddInfluencerAsync(portal.Server.ConnectionString, name, $"journey_{tag}", $"+9190000{Random.Shared.Next(10000, 99999)}");
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/influencers");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search name, username, email, phone" }).FillAsync($"journey_{tag}");
        var rows = page.Locator(".queue-table tbody tr[data-influencer-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Active");

        // A second browser (the admin) keeps the filtered list open while the moderator acts.
        await using var adminContext = await portal.NewContextAsync(Demo.Admin);
        var watcher = await adminContext.NewPageAsync();
        await watcher.GotoAsync($"/influencers?q=journey_{tag}");
        await new ShellPage(watcher).WaitForCircuitAsync();
        await Assertions.Expect(watcher.Locator($"tr[data-influencer-id='{id}']")).ToContainTextAsync("Active");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/influencers/{id}$"));
        await Assertions.Expect(page.GetByTestId("influencer-state")).ToHaveTextAsync("Active");
        var codes = page.GetByTestId("otp");
        await Assertions.Expect(codes).ToHaveCountAsync(2);
        await Assertions.Expect(codes.Filter(new() { HasText = "Open" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("424242")).ToHaveCountAsync(0);   // codes are never shown

        await page.GetByRole(AriaRole.Button, new() { Name = "Invalidate open codes" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Phone reported stolen", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Invalidate", Exact = true }).ClickAsync();
        await Assertions.Expect(codes.Filter(new() { HasText = "Open" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invalidate open codes" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await dialog.GetByText("Fake or impersonating account", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("influencer-state")).ToHaveTextAsync("Inactive");

        // The admin's open list shows it without a reload, and the audit trail has both actions with their reasons.
        await Assertions.Expect(watcher.Locator($"tr[data-influencer-id='{id}']")).ToContainTextAsync("Inactive");
        await using var db = new NpgsqlConnection(portal.Server.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT string_agg(action || ':' || coalesce(reason, ''), ',' ORDER BY id) FROM audit.audit_log WHERE entity_type = 'influencer' AND entity_id = @id", db);
        cmd.Parameters.AddWithValue("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("influencer.otps.invalidate:Phone reported stolen,influencer.deactivate:Fake or impersonating account",
            (string?)await cmd.ExecuteScalarAsync());
    }

    private static async Task<int> AddInfluencerAsync(string connectionString, string name, string username, string phone)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH i AS (INSERT INTO creators.influencers (name, username, email, phone, is_phone_verified, is_active)
                       VALUES (@name, @username, @username || '@creators.test', @phone, true, true) RETURNING id),
                 o AS (INSERT INTO creators.otps (phone, otp, is_used, expires_at, created_at)
                       VALUES (@phone, '424242', false, now() + interval '10 minutes', now() - interval '1 minute'),
                              (@phone, '131313', true, now() - interval '1 day', now() - interval '1 day 10 minutes') RETURNING 1)
            SELECT id FROM i
            """, db);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("username", username);
        cmd.Parameters.AddWithValue("phone", phone);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
