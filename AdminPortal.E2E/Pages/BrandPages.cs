using AdminPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AdminPortal.E2E.Pages;

/// <summary>The brand verification queue (/brands) and the review of one brand (/brands/{id}).</summary>
public sealed class BrandPages(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Rows => page.Locator(".queue-table tbody tr[data-brand-id]");
    public ILocator Row(int id) => page.Locator($".queue-table tbody tr[data-brand-id='{id}']");
    public ILocator State => page.GetByTestId("brand-state");
    public ILocator Panel(string document) => page.GetByTestId($"panel-{document}");
    public ILocator History => page.GetByTestId("history");

    public async Task OpenQueueAsync(string query = "")
    {
        await page.GotoAsync("/brands" + query);
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Brand verification");
        await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
    }

    public async Task OpenReviewAsync(int id)
    {
        await Row(id).Locator("a.queue-title").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/brands/{id}"));
        await new ShellPage(page).WaitForCircuitAsync();
        await State.WaitForAsync();
    }

    /// <summary>A brand of this test's own, all three documents waiting (the demo never has all three at once).</summary>
    public static async Task<int> AddWaitingBrandAsync(string connectionString, string name)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO creators.brands (email, brand_name, legal_entity_name, company_type, incorporation_document,
                incorporation_document_status, gst_document, gst_document_status, pan_document, pan_document_status,
                is_profile_completed, created_at, updated_at)
            VALUES (@email, @name, @name || ' Private Limited', 'private_limited',
                '/assets/brands/certificate-of-incorporation.pdf', 'pending', '/assets/brands/gst-registration.svg', 'pending',
                '/assets/brands/pan-card.svg', 'pending', true, now() - interval '3 days', now())
            RETURNING id
            """, db);
        cmd.Parameters.AddWithValue("email", $"{Guid.NewGuid():N}@e2e.brands.test");
        cmd.Parameters.AddWithValue("name", name);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Three niches of this test's own: two influencers on the first, one of them also on the second.</summary>
    public static async Task AddNichesAsync(string connectionString, string first, string second, string third)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH n AS (INSERT INTO creators.niches (name, icon, description, is_active)
                       VALUES (@a, '🧢', 'E2E niche', true), (@b, '👗', 'E2E niche', true), (@c, '🌀', 'E2E niche', true) RETURNING id, name),
                 i AS (SELECT id FROM creators.influencers ORDER BY id LIMIT 2),
                 l1 AS (INSERT INTO creators.influencer_niches (influencer_id, niche_id) SELECT i.id, n.id FROM i, n WHERE n.name = @a RETURNING 1)
            INSERT INTO creators.influencer_niches (influencer_id, niche_id)
            SELECT (SELECT min(id) FROM i), n.id FROM n WHERE n.name = @b
            """, db);
        cmd.Parameters.AddWithValue("a", first);
        cmd.Parameters.AddWithValue("b", second);
        cmd.Parameters.AddWithValue("c", third);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task ShotAsync(string name)
    {
        await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath(name), FullPage = true });
        Directory.CreateDirectory("/tmp/shots-plat17");
        await page.ScreenshotAsync(new() { Path = Path.Combine("/tmp/shots-plat17", name), FullPage = false });
    }
}
