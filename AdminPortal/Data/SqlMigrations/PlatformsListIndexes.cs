using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// Issue 17 on the platform-size data (docs/perf/platforms-large.md, "Second pass"): each index serves one list's first
/// page or its capped count (10,001 rows) as an index-only scan, where the plan read the table, filtered a sort walk
/// or joined to count.
/// <list type="bullet">
/// <item>brands: one partial (created_at, id) index per state tab, its predicate written exactly as
/// <c>BrandFilters</c> writes that tab (the planner proves the tab's WHERE implies it), so each tab's page walks it and
/// its count reads it alone; (document status, created_at, id) for the document filters; (brand_name, id) for the
/// name sort.</item>
/// <item>influencers: (niche_id, influencer_id) for the niche filter's probes and count; (name, id) of the inactive
/// ones for that filter's count.</item>
/// <item>vendors: the owners' active subscriptions (user_id), the integrations by (internal_id, service) so each
/// probe of the integration filters is index-only, and the name sort index covering user_id (the owner filters
/// probe by it while walking the name order).</item>
/// <item>subscriptions: (start_date, id) for the start sort; audit: the expiry pass's records (at, id) alone, for
/// its record's last-day count and latest five.</item>
/// </list>
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270110000001_PlatformsListIndexes")]
public sealed class PlatformsListIndexes : Migration
{
    public static readonly string[] Names =
    [
        "ix_brands_reupload_queue", "ix_brands_verified_queue", "ix_brands_incomplete_queue",
        "ix_brands_incorporation_status_created", "ix_brands_gst_status_created", "ix_brands_pan_status_created", "ix_brands_brand_name_id",
        "ix_influencer_niches_niche_influencer", "ix_influencers_inactive_name_id",
        "ix_subscriptions_active_user_id", "ix_integrations_internal_id_service", "ix_vendors_name_id",
        "ix_subscriptions_start_id", "ix_audit_log_subscription_expiries",
    ];

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS ix_brands_reupload_queue ON creators.brands (created_at, id)
                WHERE incorporation_document_status <> 'pending' AND gst_document_status <> 'pending' AND pan_document_status <> 'pending'
                  AND (incorporation_document_status = 'rejected' OR gst_document_status = 'rejected' OR pan_document_status = 'rejected');
            CREATE INDEX IF NOT EXISTS ix_brands_verified_queue ON creators.brands (created_at, id)
                WHERE incorporation_document_status = 'verified' AND gst_document_status = 'verified' AND pan_document_status = 'verified';
            CREATE INDEX IF NOT EXISTS ix_brands_incomplete_queue ON creators.brands (created_at, id)
                WHERE (incorporation_document_status = 'not_submitted' OR gst_document_status = 'not_submitted' OR pan_document_status = 'not_submitted')
                  AND incorporation_document_status <> 'pending' AND gst_document_status <> 'pending' AND pan_document_status <> 'pending'
                  AND incorporation_document_status <> 'rejected' AND gst_document_status <> 'rejected' AND pan_document_status <> 'rejected';
            CREATE INDEX IF NOT EXISTS ix_brands_incorporation_status_created ON creators.brands (incorporation_document_status, created_at, id);
            CREATE INDEX IF NOT EXISTS ix_brands_gst_status_created ON creators.brands (gst_document_status, created_at, id);
            CREATE INDEX IF NOT EXISTS ix_brands_pan_status_created ON creators.brands (pan_document_status, created_at, id);
            CREATE INDEX IF NOT EXISTS ix_brands_brand_name_id ON creators.brands (brand_name, id);
            CREATE INDEX IF NOT EXISTS ix_influencer_niches_niche_influencer ON creators.influencer_niches (niche_id, influencer_id);
            CREATE INDEX IF NOT EXISTS ix_influencers_inactive_name_id ON creators.influencers (name, id) WHERE NOT is_active;
            CREATE INDEX IF NOT EXISTS ix_subscriptions_active_user_id ON vendors.subscriptions (user_id) WHERE status = 'active';
            CREATE INDEX IF NOT EXISTS ix_integrations_internal_id_service ON vendors.integrations (internal_id, service);
            DROP INDEX IF EXISTS vendors.ix_vendors_name_id;
            CREATE INDEX ix_vendors_name_id ON vendors.vendors (name, id) INCLUDE (user_id);
            CREATE INDEX IF NOT EXISTS ix_subscriptions_start_id ON vendors.subscriptions (start_date, id);
            CREATE INDEX IF NOT EXISTS ix_audit_log_subscription_expiries ON audit.audit_log (at DESC, id DESC)
                WHERE action = 'subscription.expire' AND entity_type = 'subscription';
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX IF EXISTS creators.ix_brands_reupload_queue, creators.ix_brands_verified_queue, creators.ix_brands_incomplete_queue,
                creators.ix_brands_incorporation_status_created, creators.ix_brands_gst_status_created, creators.ix_brands_pan_status_created,
                creators.ix_brands_brand_name_id, creators.ix_influencer_niches_niche_influencer, creators.ix_influencers_inactive_name_id,
                vendors.ix_subscriptions_active_user_id, vendors.ix_integrations_internal_id_service, vendors.ix_vendors_name_id,
                vendors.ix_subscriptions_start_id, audit.ix_audit_log_subscription_expiries;
            CREATE INDEX ix_vendors_name_id ON vendors.vendors (name, id);
            """);
}
