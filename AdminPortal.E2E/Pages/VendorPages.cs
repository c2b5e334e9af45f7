using AdminPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AdminPortal.E2E.Pages;

/// <summary>The vendors list (/vendors), a vendor's page (/vendors/{id}) and the subscriptions list (/subscriptions).</summary>
public sealed class VendorPages(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator VendorRows => page.Locator(".queue-table tbody tr[data-vendor-id]");
    public ILocator SubscriptionRow(int id) => page.Locator($".queue-table tbody tr[data-subscription-id='{id}']");
    public ILocator VendorState => page.GetByTestId("vendor-state");

    public async Task OpenAsync(string path, string heading)
    {
        await page.GotoAsync(path);
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(Heading).ToContainTextAsync(heading);
        if (path.StartsWith("/vendors/", StringComparison.Ordinal))
            await VendorState.WaitForAsync();
        else
            await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
    }

    /// <summary>A vendor of this test's own (with a short trail) for the first demo Venta owner; its id and owner's email.</summary>
    public static async Task<(int Id, string OwnerEmail)> AddVendorAsync(string connectionString, string name)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH owner AS (SELECT id, email FROM auth.users WHERE email LIKE 'vendor%@venta.demo' ORDER BY email LIMIT 1),
                 v AS (INSERT INTO vendors.vendors (name, user_id, open, lat, long, created_at, updated_at)
                       SELECT @name, id, true, 12.9716, 77.5946, now() - interval '40 days', now() FROM owner RETURNING id),
                 t AS (INSERT INTO vendors.locations (vendor_id, lat, long, timestamp)
                       SELECT v.id, 12.9716 - g * 0.0008, 77.5946 + g * 0.0005 * (g % 3), now() - g * interval '12 minutes'
                       FROM v, generate_series(0, 9) g RETURNING 1)
            SELECT v.id, owner.email FROM v, owner
            """, db);
        cmd.Parameters.AddWithValue("name", name);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetString(1));
    }

    /// <summary>An active subscription of a demo owner ending in <paramref name="days"/> days.</summary>
    public static async Task<int> AddSubscriptionAsync(string connectionString, int days)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO vendors.subscriptions (user_id, provider, product_id, status, start_date, end_date, created_at, updated_at)
            SELECT id, 'stripe', 'price_VentaProYearly', 'active', now() - interval '360 days', now() + make_interval(days => @days),
                   now() - interval '360 days', now()
            FROM auth.users WHERE email LIKE 'vendor%@venta.demo' ORDER BY email DESC LIMIT 1
            RETURNING id
            """, db);
        cmd.Parameters.AddWithValue("days", days);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ShotAsync(string name)
    {
        await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath(name), FullPage = true });
        Directory.CreateDirectory("/tmp/shots-plat17");
        await page.ScreenshotAsync(new() { Path = Path.Combine("/tmp/shots-plat17", name) });
    }
}
