using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The Cloutsy and Venta lists on the large data (docs/perf/platforms-large.md): every column a list searches with
/// ILIKE '%text%' has a trigram index (PostgreSQL combines them with BitmapOr; pg_trgm is created by the initial
/// migration, as the owner), and each list's sort has a btree the page can walk instead of sorting the table: influencers
/// and vendors by (name, id), brands by (created_at, id) outside the waiting tab, subscriptions by end date with the
/// open-ended ones last, overall, per state, and for the active ones alone (expiring soon, past their end and active).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270104000001_PlatformsSearchIndexes")]
public sealed class PlatformsSearchIndexes : Migration
{
    public static readonly string[] Names =
    [
        "ix_brands_legal_entity_name_trgm", "ix_brands_email_trgm", "ix_brands_phone_trgm", "ix_brands_created_at_id",
        "ix_influencers_username_trgm", "ix_influencers_email_trgm", "ix_influencers_phone_trgm", "ix_influencers_name_id",
        "ix_vendors_email_trgm", "ix_vendors_name_id",
        "ix_subscriptions_end_order", "ix_subscriptions_status_end_order", "ix_subscriptions_active_end_date",
    ];

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS ix_brands_legal_entity_name_trgm ON creators.brands USING gin (legal_entity_name gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_brands_email_trgm ON creators.brands USING gin (email gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_brands_phone_trgm ON creators.brands USING gin (phone gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_brands_created_at_id ON creators.brands (created_at, id);
            CREATE INDEX IF NOT EXISTS ix_influencers_username_trgm ON creators.influencers USING gin (username gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_influencers_email_trgm ON creators.influencers USING gin (email gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_influencers_phone_trgm ON creators.influencers USING gin (phone gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_influencers_name_id ON creators.influencers (name, id);
            CREATE INDEX IF NOT EXISTS ix_vendors_email_trgm ON vendors.vendors USING gin (email gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS ix_vendors_name_id ON vendors.vendors (name, id);
            CREATE INDEX IF NOT EXISTS ix_subscriptions_end_order ON vendors.subscriptions ((end_date IS NULL), end_date, id);
            CREATE INDEX IF NOT EXISTS ix_subscriptions_status_end_order ON vendors.subscriptions (status, (end_date IS NULL), end_date, id);
            CREATE INDEX IF NOT EXISTS ix_subscriptions_active_end_date ON vendors.subscriptions (end_date) WHERE status = 'active';
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX IF EXISTS creators.ix_brands_legal_entity_name_trgm, creators.ix_brands_email_trgm, creators.ix_brands_phone_trgm,
                creators.ix_brands_created_at_id, creators.ix_influencers_username_trgm, creators.ix_influencers_email_trgm,
                creators.ix_influencers_phone_trgm, creators.ix_influencers_name_id, vendors.ix_vendors_email_trgm, vendors.ix_vendors_name_id,
                vendors.ix_subscriptions_end_order, vendors.ix_subscriptions_status_end_order, vendors.ix_subscriptions_active_end_date;
            """);
}
