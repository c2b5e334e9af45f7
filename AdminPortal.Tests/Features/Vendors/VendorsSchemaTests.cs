using AdminPortal.Data.Demo;
using AdminPortal.Features.Vendors;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using AdminPortal.Tests.Data;

namespace AdminPortal.Tests.Features.Vendors;

/// <summary>The Venta seed (002) as the vendors schema, read back from PostgreSQL's catalog.</summary>
public sealed class VendorsSchemaTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private Catalog Catalog => new(Fixture.ConnectionString);

    [Fact]
    public async Task Every_Venta_table_is_in_the_vendors_schema()
    {
        Assert.Equal(["integrations", "locations", "subscriptions", "vendors"], await Catalog.TablesAsync("vendors"));
    }

    [Fact]
    public async Task Vendors_have_the_seed_columns_with_their_nullability_and_defaults()
    {
        var c = await Catalog.ColumnsAsync("vendors", "vendors");
        Assert.Equal(new Catalog.Column("character varying", false, null), c["name"]);
        Assert.True(c["description"].Nullable);
        Assert.Equal("boolean", c["open"].Type);
        Assert.False(c["open"].Nullable);
        Assert.Equal("true", c["open"].Default);
        Assert.Equal(new Catalog.Column("double precision", true, null), c["lat"]);
        Assert.Equal(new Catalog.Column("double precision", true, null), c["long"]);
        Assert.Equal(new Catalog.Column("integer", false, null), c["user_id"]);
        Assert.Equal("now()", c["created_at"].Default);
        foreach (var column in new[] { "phone", "email", "website", "primary_image", "updated_at" })
            Assert.Contains(column, c.Keys);
    }

    [Fact]
    public async Task Locations_subscriptions_and_integrations_have_the_seed_columns()
    {
        var l = await Catalog.ColumnsAsync("vendors", "locations");
        Assert.Equal("bigint", l["id"].Type);
        Assert.False(l["lat"].Nullable);
        Assert.False(l["long"].Nullable);
        Assert.Equal("now()", l["timestamp"].Default);

        var s = await Catalog.ColumnsAsync("vendors", "subscriptions");
        Assert.Equal(new Catalog.Column("vendors.subscription_provider", false, null), s["provider"]);
        Assert.Equal(new Catalog.Column("vendors.subscription_status", false, null), s["status"]);
        Assert.False(s["product_id"].Nullable);
        Assert.False(s["start_date"].Nullable);
        Assert.True(s["end_date"].Nullable);

        var i = await Catalog.ColumnsAsync("vendors", "integrations");
        Assert.Equal(new Catalog.Column("vendors.integration_service", false, null), i["service"]);
        Assert.False(i["external_id"].Nullable);
        Assert.False(i["internal_id"].Nullable);
        Assert.Equal(new Catalog.Column("jsonb", true, null), i["metadata"]);
    }

    [Fact]
    public async Task Venta_users_are_merged_into_auth_users()
    {
        var u = await Catalog.ColumnsAsync("auth", "users");
        Assert.True(u["clerk_id"].Nullable);
        Assert.True(u["first_name"].Nullable);
        Assert.True(u["last_name"].Nullable);
        Assert.StartsWith("CREATE UNIQUE INDEX users_clerk_id_unique", (await Catalog.IndexesAsync("auth"))["users_clerk_id_unique"]);
    }

    [Theory]
    [InlineData("subscription_provider", new[] { "revenuecat", "stripe" })]
    [InlineData("subscription_status", new[] { "active", "cancelled", "expired" })]
    [InlineData("integration_service", new[] { "algolia", "clerk", "cloudinary" })]
    public async Task Enums_have_every_seed_label(string type, string[] labels) =>
        Assert.Equal(labels, await Catalog.EnumLabelsAsync("vendors", type));

    [Fact]
    public async Task The_seed_indexes_exist_on_their_columns()
    {
        var ix = await Catalog.IndexesAsync("vendors");
        Assert.EndsWith("(service, external_id)", ix["integrations_service_external_id_key"]);
        Assert.StartsWith("CREATE UNIQUE INDEX", ix["integrations_service_external_id_key"]);
        Assert.EndsWith("(user_id)", ix["idx_vendors_user_id"]);
        Assert.EndsWith("(lat, long)", ix["idx_vendors_location"]);
        Assert.EndsWith("(created_at)", ix["idx_vendors_created_at"]);
        Assert.EndsWith("(vendor_id, \"timestamp\" DESC)", ix["idx_locations_vendor_id"]);
        Assert.EndsWith("(\"timestamp\")", ix["idx_locations_timestamp"]);
        Assert.EndsWith("(user_id)", ix["idx_subscriptions_user_id"]);
        Assert.EndsWith("(status)", ix["idx_subscriptions_status"]);
        Assert.EndsWith("(end_date)", ix["idx_subscriptions_end_date"]);
        Assert.EndsWith("(service)", ix["idx_integrations_service"]);
        Assert.EndsWith("(external_id)", ix["idx_integrations_external_id"]);
        Assert.Contains("USING gin (name gin_trgm_ops)", ix["ix_vendors_name_trgm"]);
    }

    [Theory]
    [InlineData("vendors", "user_id", "auth.users", 'c')]
    [InlineData("locations", "vendor_id", "vendors.vendors", 'c')]
    [InlineData("subscriptions", "user_id", "auth.users", 'c')]
    public async Task Foreign_keys_cascade_as_the_seed_says(string table, string column, string target, char onDelete) =>
        Assert.Equal((target, onDelete), await Catalog.ForeignKeyAsync("vendors", table, column));

    [Fact]
    public async Task Deleting_a_user_deletes_their_vendors_trails_and_subscriptions()
    {
        await SeedAsync();
        var userId = await Catalog.ScalarAsync("SELECT min(user_id) FROM vendors.vendors");
        Assert.True(await Catalog.ScalarAsync($"SELECT count(*) FROM vendors.locations l JOIN vendors.vendors v ON v.id = l.vendor_id WHERE v.user_id = {userId}") > 0);
        await Catalog.ExecuteAsync($"DELETE FROM auth.users WHERE id = {userId}");
        Assert.Equal(0, await Catalog.ScalarAsync($"SELECT count(*) FROM vendors.vendors WHERE user_id = {userId}"));
        Assert.Equal(0, await Catalog.ScalarAsync($"SELECT count(*) FROM vendors.subscriptions WHERE user_id = {userId}"));
        Assert.Equal(0, await Catalog.ScalarAsync("SELECT count(*) FROM vendors.locations l WHERE NOT EXISTS (SELECT 1 FROM vendors.vendors v WHERE v.id = l.vendor_id)"));
    }

    [Theory]
    [InlineData("lat, long", "95, 10", "ck_vendors_lat_range")]
    [InlineData("lat, long", "10, -181", "ck_vendors_long_range")]
    [InlineData("lat", "10", "ck_vendors_position_pair")]
    public async Task A_position_off_the_globe_or_half_a_position_is_refused(string columns, string values, string constraint)
    {
        await SeedAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => Catalog.ExecuteAsync(
            $"INSERT INTO vendors.vendors (name, user_id, {columns}) SELECT 'Off the map', min(id), {values} FROM auth.users"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(constraint, error.ConstraintName);
    }

    [Fact]
    public async Task The_same_external_id_twice_for_one_service_is_refused()
    {
        await Catalog.ExecuteAsync("INSERT INTO vendors.integrations (service, external_id, internal_id) VALUES ('algolia', 'x1', '1'), ('clerk', 'x1', '1')");
        var error = await Assert.ThrowsAsync<PostgresException>(() => Catalog.ExecuteAsync(
            "INSERT INTO vendors.integrations (service, external_id, internal_id) VALUES ('algolia', 'x1', '2')"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("integrations_service_external_id_key", error.ConstraintName);
    }

    [Fact]
    public async Task Two_operators_editing_one_vendor_conflict_on_xmin()
    {
        await SeedAsync();
        await using var first = await Fixture.CreateDbContextAsync();
        await using var second = await Fixture.CreateDbContextAsync();
        var mine = await first.Set<Vendor>().OrderBy(v => v.Id).FirstAsync();
        var theirs = await second.Set<Vendor>().SingleAsync(v => v.Id == mine.Id);
        mine.Open = !mine.Open;
        await first.SaveChangesAsync();
        theirs.Name = "Renamed meanwhile";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.NotEqual("Renamed meanwhile", (await check.Set<Vendor>().SingleAsync(v => v.Id == mine.Id)).Name);
    }

    [Fact]
    public async Task The_demo_covers_every_status_provider_and_service()
    {
        await SeedAsync();
        Assert.InRange(await Catalog.ScalarAsync("SELECT count(*) FROM vendors.vendors"), 24, 60);
        Assert.Equal(3, await Catalog.ScalarAsync("SELECT count(DISTINCT status) FROM vendors.subscriptions"));
        Assert.Equal(2, await Catalog.ScalarAsync("SELECT count(DISTINCT provider) FROM vendors.subscriptions"));
        Assert.Equal(3, await Catalog.ScalarAsync("SELECT count(DISTINCT service) FROM vendors.integrations"));
        // The live position of a vendor is the newest point of its trail.
        Assert.Equal(0, await Catalog.ScalarAsync("""
            SELECT count(*) FROM vendors.vendors v WHERE v.lat IS NOT NULL AND ROW(v.lat, v.long) IS DISTINCT FROM
              (SELECT ROW(l.lat, l.long) FROM vendors.locations l WHERE l.vendor_id = v.id ORDER BY l."timestamp" DESC LIMIT 1)
            """));
        Assert.Equal(0, await Catalog.ScalarAsync("SELECT count(*) FROM auth.users WHERE password_hash IS NOT NULL"));
    }

    [Fact]
    public async Task The_demo_is_deterministic()
    {
        string[] tables = ["auth.users", "vendors.vendors", "vendors.locations", "vendors.subscriptions", "vendors.integrations"];
        await SeedAsync();
        var once = await Catalog.DigestAsync(tables);
        await Fixture.ResetAsync();
        await SeedAsync();
        var twice = await Catalog.DigestAsync(tables);
        Assert.DoesNotContain("=0:", once, StringComparison.Ordinal);
        Assert.Equal(once, twice);
    }

    private async Task SeedAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var part = Services.GetServices<IDemoDataPart>().Single(p => p.Order == 300);
        await part.SeedAsync(db, DemoScale.Demo, CancellationToken.None);
    }
}
