using AdminPortal.Data.Demo;
using AdminPortal.Features.Creators;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using AdminPortal.Tests.Data;

namespace AdminPortal.Tests.Features.Creators;

/// <summary>The Cloutsy seed (003) as the creators schema, read back from PostgreSQL's catalog.</summary>
public sealed class CreatorsSchemaTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private Catalog Catalog => new(Fixture.ConnectionString);

    [Fact]
    public async Task Every_Cloutsy_table_is_in_the_creators_schema() =>
        Assert.Equal(["brand_niches", "brands", "influencer_niches", "influencers", "niches", "otps"],
            await Catalog.TablesAsync("creators"));

    [Fact]
    public async Task Influencers_have_the_seed_columns()
    {
        var c = await Catalog.ColumnsAsync("creators", "influencers");
        foreach (var required in new[] { "name", "username", "email", "phone" })
            Assert.False(c[required].Nullable, required);
        Assert.Equal(new Catalog.Column("date", true, null), c["date_of_birth"]);
        Assert.Equal(new Catalog.Column("creators.gender", true, null), c["gender"]);
        Assert.Equal("text", c["bio"].Type);
        Assert.Equal(new Catalog.Column("boolean", false, "false"), c["is_phone_verified"]);
        Assert.Equal(new Catalog.Column("boolean", false, "true"), c["is_active"]);
        Assert.Equal(new Catalog.Column("integer", true, null), c["user_id"]);
        Assert.Contains("profile_image", c.Keys);
    }

    [Fact]
    public async Task Brands_have_the_seed_columns_and_document_states_but_no_password()
    {
        var c = await Catalog.ColumnsAsync("creators", "brands");
        Assert.False(c["email"].Nullable);
        Assert.DoesNotContain("password", c.Keys);
        Assert.Equal("creators.company_type", c["company_type"].Type);
        foreach (var doc in new[] { "incorporation", "gst", "pan" })
        {
            Assert.True(c[$"{doc}_document"].Nullable);
            Assert.Equal(new Catalog.Column("creators.document_status", false, "'not_submitted'::creators.document_status"),
                c[$"{doc}_document_status"]);
        }
        foreach (var column in new[] { "phone", "is_phone_verified", "brand_name", "username", "legal_entity_name",
                     "brand_email_id", "poc_name", "poc_designation", "poc_email_id", "poc_contact_number", "brand_bio",
                     "profile_image", "is_profile_completed", "is_active", "created_at", "updated_at", "user_id" })
            Assert.Contains(column, c.Keys);
        Assert.Equal(new Catalog.Column("boolean", false, "false"), c["is_profile_completed"]);
    }

    [Fact]
    public async Task Niches_links_and_otps_have_the_seed_columns()
    {
        var n = await Catalog.ColumnsAsync("creators", "niches");
        Assert.False(n["name"].Nullable);
        Assert.Equal(new Catalog.Column("boolean", false, "true"), n["is_active"]);
        foreach (var link in new[] { ("influencer_niches", "influencer_id"), ("brand_niches", "brand_id") })
        {
            var l = await Catalog.ColumnsAsync("creators", link.Item1);
            Assert.Equal(new Catalog.Column("integer", false, null), l[link.Item2]);
            Assert.Equal(new Catalog.Column("integer", false, null), l["niche_id"]);
        }
        var o = await Catalog.ColumnsAsync("creators", "otps");
        Assert.False(o["phone"].Nullable);
        Assert.False(o["otp"].Nullable);
        Assert.Equal(new Catalog.Column("boolean", false, "false"), o["is_used"]);
        Assert.Equal(new Catalog.Column("timestamp with time zone", false, null), o["expires_at"]);
    }

    [Theory]
    [InlineData("gender", new[] { "female", "male", "other", "prefer_not_to_say" })]
    [InlineData("company_type", new[] { "llp", "one_person_company", "partnership", "private_limited", "public_limited", "sole_proprietorship" })]
    [InlineData("document_status", new[] { "not_submitted", "pending", "rejected", "verified" })]
    public async Task Enums_have_every_label(string type, string[] labels) =>
        Assert.Equal(labels, await Catalog.EnumLabelsAsync("creators", type));

    [Theory]
    [InlineData("influencers_username_key", "(username)")]
    [InlineData("influencers_email_key", "(email)")]
    [InlineData("influencers_phone_key", "(phone)")]
    [InlineData("influencers_user_id_key", "(user_id)")]
    [InlineData("brands_email_key", "(email)")]
    [InlineData("brands_phone_key", "(phone)")]
    [InlineData("brands_username_key", "(username)")]
    [InlineData("brands_user_id_key", "(user_id)")]
    [InlineData("niches_name_key", "(name)")]
    [InlineData("influencer_niches_influencer_id_niche_id_key", "(influencer_id, niche_id)")]
    [InlineData("brand_niches_brand_id_niche_id_key", "(brand_id, niche_id)")]
    public async Task Unique_indexes_are_on_the_seed_keys(string name, string columns)
    {
        var definition = (await Catalog.IndexesAsync("creators"))[name];
        Assert.StartsWith("CREATE UNIQUE INDEX", definition);
        Assert.EndsWith(columns, definition);
    }

    [Fact]
    public async Task Lookup_indexes_back_the_foreign_keys_the_queue_and_otp_checks()
    {
        var ix = await Catalog.IndexesAsync("creators");
        Assert.EndsWith("(niche_id)", ix["ix_influencer_niches_niche_id"]);
        Assert.EndsWith("(niche_id)", ix["ix_brand_niches_niche_id"]);
        Assert.EndsWith("(phone, created_at DESC)", ix["ix_otps_phone_created_at"]);
        Assert.Contains("WHERE ((incorporation_document_status = 'pending'", ix["ix_brands_verification_queue"]);
    }

    [Theory]
    [InlineData("influencers", "user_id", "auth.users", 'n')]
    [InlineData("brands", "user_id", "auth.users", 'n')]
    [InlineData("brands", "reviewed_by_id", "auth.users", 'n')]
    [InlineData("influencer_niches", "influencer_id", "creators.influencers", 'c')]
    [InlineData("influencer_niches", "niche_id", "creators.niches", 'r')]
    [InlineData("brand_niches", "brand_id", "creators.brands", 'c')]
    [InlineData("brand_niches", "niche_id", "creators.niches", 'r')]
    public async Task Foreign_key_delete_rules(string table, string column, string target, char onDelete) =>
        Assert.Equal((target, onDelete), await Catalog.ForeignKeyAsync("creators", table, column));

    [Fact]
    public async Task A_niche_in_use_cannot_be_deleted()
    {
        await SeedAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => Catalog.ExecuteAsync(
            "DELETE FROM creators.niches WHERE id = (SELECT min(niche_id) FROM creators.influencer_niches)"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Fact]
    public async Task A_document_state_must_match_whether_the_document_was_submitted()
    {
        await SeedAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => Catalog.ExecuteAsync(
            "UPDATE creators.brands SET gst_document_status = 'pending' WHERE id = (SELECT min(id) FROM creators.brands WHERE gst_document IS NULL)"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal("ck_brands_gst_document_status", error.ConstraintName);
    }

    [Fact]
    public async Task Two_operators_editing_one_brand_conflict_on_xmin()
    {
        await SeedAsync();
        await using var first = await Fixture.CreateDbContextAsync();
        await using var second = await Fixture.CreateDbContextAsync();
        var mine = await first.Set<Brand>().OrderBy(b => b.Id).FirstAsync(b => b.PanDocumentStatus == DocumentStatus.Pending);
        var theirs = await second.Set<Brand>().SingleAsync(b => b.Id == mine.Id);
        mine.PanDocumentStatus = DocumentStatus.Verified;
        await first.SaveChangesAsync();
        theirs.PanDocumentStatus = DocumentStatus.Rejected;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task The_demo_puts_every_document_in_every_state_and_never_stores_a_plain_code()
    {
        await SeedAsync();
        foreach (var doc in new[] { "incorporation", "gst", "pan" })
            Assert.Equal(4, await Catalog.ScalarAsync($"SELECT count(DISTINCT {doc}_document_status) FROM creators.brands"));
        Assert.Equal(1, await Catalog.ScalarAsync("SELECT count(*) FROM creators.niches WHERE NOT is_active"));
        Assert.Equal(0, await Catalog.ScalarAsync("SELECT count(*) FROM creators.otps WHERE otp !~ '^[0-9a-f]{64}$'"));
        Assert.True(await Catalog.ScalarAsync("SELECT count(*) FROM creators.otps WHERE NOT is_used AND expires_at < '2026-11-20T12:00:00Z'") > 0);
        Assert.True(await Catalog.ScalarAsync("SELECT count(*) FROM creators.otps WHERE NOT is_used AND expires_at > '2026-11-20T12:00:00Z'") > 0);
        Assert.True(await Catalog.ScalarAsync("SELECT count(*) FROM creators.influencers WHERE user_id IS NOT NULL") > 0);
        Assert.Equal(0, await Catalog.ScalarAsync(
            "SELECT count(*) FROM creators.influencer_niches l JOIN creators.niches n ON n.id = l.niche_id WHERE NOT n.is_active"));
    }

    [Fact]
    public async Task The_demo_is_deterministic()
    {
        string[] tables = ["auth.users", "creators.niches", "creators.influencers", "creators.brands",
            "creators.influencer_niches", "creators.brand_niches", "creators.otps"];
        await SeedAsync();
        var once = await Catalog.DigestAsync(tables);
        await Fixture.ResetAsync();
        await SeedAsync();
        Assert.DoesNotContain("=0:", once, StringComparison.Ordinal);
        Assert.Equal(once, await Catalog.DigestAsync(tables));
    }

    private async Task SeedAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var part = Services.GetServices<IDemoDataPart>().Single(p => p.Order == 400);
        await part.SeedAsync(db, DemoScale.Demo, CancellationToken.None);
    }
}
