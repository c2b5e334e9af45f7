using AdminPortal.Features.Audit.Log;
using AdminPortal.Features.Brands;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Creators.Influencers;
using AdminPortal.Features.Creators.Niches;
using AdminPortal.Features.Vendors;
using AdminPortal.Features.Vendors.List;
using AdminPortal.Features.Vendors.Subscriptions;
using AdminPortal.Features.Vendors.VendorScreen;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// Figures 12 and 13 (issues 17 and 18): the Cloutsy and Venta lists, their filters and review pages, and the audit log's
/// first page and every filter, each a call of the screen's own service on the large data (admin; the moderator for
/// brands). Targets: service p95 ≤ 50 ms (stretch 10 ms: the SQL-alone target).
/// </summary>
public static class PlatformCases
{
    private const double Page = 50, Stretch = 10;

    public static async Task<List<ListCase>> BuildAsync(PortalServices portal, NpgsqlDataSource dataSource)
    {
        var admin = await portal.SignedInAsync("admin@adminportal.demo");
        var moderator = await portal.SignedInAsync("moderator@adminportal.demo");
        var brands = portal.Get<BrandQueryService>();
        var influencers = portal.Get<InfluencerQueryService>();
        var niches = portal.Get<NicheQueryService>();
        var vendors = portal.Get<VendorQueryService>();
        var vendor = portal.Get<VendorDetailsService>();
        var subscriptions = portal.Get<SubscriptionQueryService>();
        var audit = portal.Get<AuditLogQueryService>();
        var s = await PlatformShape.ReadAsync(dataSource);
        var utc = TimeZoneInfo.Utc;

        Func<Task<int>> Brands(BrandQueueQuery q) => async () => (await brands.GetPageAsync(moderator, q)).Rows.Count;
        Func<Task<int>> Influencers(InfluencerListQuery q) => async () => (await influencers.GetPageAsync(admin, q)).Rows.Count;
        Func<Task<int>> Vendors(VendorListQuery q) => async () => (await vendors.GetPageAsync(admin, q)).Rows.Count;
        Func<Task<int>> Subscriptions(SubscriptionListQuery q) => async () => (await subscriptions.GetPageAsync(admin, q)).Rows.Count;
        Func<Task<int>> Audit(AuditLogQuery q) => async () => (await audit.ReadAsync(admin, q, utc)).Rows.Count;
        var queue = BrandQueueQuery.Default;
        var month = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var week = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        var influencerList = new InfluencerListQuery();
        var vendorList = VendorListQuery.Default;
        var subs = SubscriptionListQuery.Default;
        var log = new AuditLogQuery();
        return
        [
            new("brands queue (waiting), page 1", Brands(queue), Page, Stretch),
            new("brands queue, page 20", Brands(queue with { Page = 20 }), Page, Stretch),
            new("brands + state reupload, page 1", Brands(queue with { State = BrandState.Reupload }), Page, Stretch),
            new("brands + state verified, page 1", Brands(queue with { State = BrandState.Verified }), Page, Stretch),
            new("brands + state incomplete, page 1", Brands(queue with { State = BrandState.Incomplete }), Page, Stretch),
            new("brands + all states, page 1", Brands(queue with { State = null }), Page, Stretch),
            new("brands + company type, page 1", Brands(queue with { CompanyType = CompanyType.Llp }), Page, Stretch),
            new("brands + niche, page 1", Brands(queue with { NicheId = s.Niche }), Page, Stretch),
            new("brands + GST rejected (all states), page 1", Brands(queue with { State = null, Document = BrandDocument.Gst, DocumentState = DocumentStatus.Rejected }), Page, Stretch),
            new("brands + any document pending, page 1", Brands(queue with { DocumentState = DocumentStatus.Pending }), Page, Stretch),
            new("brands + submitted last 30 days, page 1", Brands(queue with { SubmittedFrom = month }), Page, Stretch),
            new("brands + search 'lotus' (all states), page 1", Brands(queue with { State = null, Search = "lotus" }), Page, Stretch),
            new("brands + search legal entity '4242 private'", Brands(queue with { State = null, Search = "4242 Private" }), Page, Stretch),
            new("brands + search email 'brand4242'", Brands(queue with { State = null, Search = "brand4242@" }), Page, Stretch),
            new("brands + search phone '8000004242'", Brands(queue with { State = null, Search = "8000004242" }), Page, Stretch),
            new("brands sorted by name, page 1", Brands(queue with { State = null, Sort = BrandSort.Name }), Page, Stretch),
            new("brands state counts (5 tabs)", async () => (await brands.CountStatesAsync(moderator, queue)).Count, Page, Stretch),
            new("brand review page (waiting brand)", async () => (await brands.GetDetailsAsync(moderator, s.WaitingBrand))!.Documents.Count, Page, Stretch),
            new("brand review: next in queue (j)", async () => (await brands.NeighbourAsync(moderator, queue, s.WaitingBrand, 0, 1)) is null ? 0 : 1, Page, Stretch),

            new("influencers, page 1", Influencers(influencerList), Page, Stretch),
            new("influencers, page 20", Influencers(influencerList with { Page = 20 }), Page, Stretch),
            new("influencers + niche (popular), page 1", Influencers(influencerList with { NicheId = s.Niche }), Page, Stretch),
            new("influencers + niche (rare), page 1", Influencers(influencerList with { NicheId = s.RareNiche }), Page, Stretch),
            new("influencers + inactive, page 1", Influencers(influencerList with { Active = false }), Page, Stretch),
            new("influencers + phone not verified, page 1", Influencers(influencerList with { PhoneVerified = false }), Page, Stretch),
            new("influencers + search name 'meera iyer'", Influencers(influencerList with { Search = "Meera Iyer" }), Page, Stretch),
            new("influencers + search username 'kapoor4242'", Influencers(influencerList with { Search = "kapoor4242" }), Page, Stretch),
            new("influencers + search email 'creators.cloutsy' (many)", Influencers(influencerList with { Search = "creators.cloutsy" }), Page, Stretch),
            new("influencers + search phone '900004242'", Influencers(influencerList with { Search = "900004242" }), Page, Stretch),
            new("influencer page (profile, niches, OTPs, history)", async () => (await influencers.GetAsync(admin, s.Influencer))!.Otps.Count, Page, Stretch),
            new("niches (100, influencer and brand counts)", async () => (await niches.ListAsync(admin)).Count, Page, Stretch),

            new("vendors, page 1", Vendors(vendorList), Page, Stretch),
            new("vendors, page 20", Vendors(vendorList with { Page = 20 }), Page, Stretch),
            new("vendors + closed, page 1", Vendors(vendorList with { Open = false }), Page, Stretch),
            new("vendors + owner subscription active, page 1", Vendors(vendorList with { Subscription = OwnerSubscription.Active }), Page, Stretch),
            new("vendors + owner subscription lapsed, page 1", Vendors(vendorList with { Subscription = OwnerSubscription.Lapsed }), Page, Stretch),
            new("vendors + owner no subscription, page 1", Vendors(vendorList with { Subscription = OwnerSubscription.None }), Page, Stretch),
            new("vendors + integration cloudinary, page 1", Vendors(vendorList with { Integration = VendorIntegration.Cloudinary }), Page, Stretch),
            new("vendors + integration clerk, page 1", Vendors(vendorList with { Integration = VendorIntegration.Clerk }), Page, Stretch),
            new("vendors + no integration, page 1", Vendors(vendorList with { Integration = VendorIntegration.None }), Page, Stretch),
            new("vendors + search name 'dumplings 4242'", Vendors(vendorList with { Search = "Dumplings 4242" }), Page, Stretch),
            new("vendors + search email 'hello4242@'", Vendors(vendorList with { Search = "hello4242@" }), Page, Stretch),
            new("vendors + search owner 'owner4242@'", Vendors(vendorList with { Search = "owner4242@" }), Page, Stretch),
            new("vendors sorted by created, page 1", Vendors(vendorList with { Sort = VendorSort.Created, Descending = true }), Page, Stretch),
            new("vendor page (owner, trail, integrations, other vendors)", async () => (await vendor.GetAsync(admin, s.Vendor)) is null ? 0 : 1, Page, Stretch),

            new("subscriptions, page 1", Subscriptions(subs), Page, Stretch),
            new("subscriptions, page 20", Subscriptions(subs with { Page = 20 }), Page, Stretch),
            new("subscriptions + active, page 1", Subscriptions(subs with { Status = SubscriptionStatus.Active }), Page, Stretch),
            new("subscriptions + cancelled, page 1", Subscriptions(subs with { Status = SubscriptionStatus.Cancelled }), Page, Stretch),
            new("subscriptions + expired, page 1", Subscriptions(subs with { Status = SubscriptionStatus.Expired }), Page, Stretch),
            new("subscriptions + stripe, page 1", Subscriptions(subs with { Provider = SubscriptionProvider.Stripe }), Page, Stretch),
            new("subscriptions + expiring within 7 days", Subscriptions(subs with { ExpiringWithin = 7 }), Page, Stretch),
            new("subscriptions + expiring within 30 days", Subscriptions(subs with { ExpiringWithin = 30 }), Page, Stretch),
            new("subscriptions + expired but active", Subscriptions(subs with { Overdue = true }), Page, Stretch),
            new("subscriptions + search owner 'owner4242@'", Subscriptions(subs with { Search = "owner4242@" }), Page, Stretch),
            new("subscriptions sorted by start, newest first", Subscriptions(subs with { Sort = SubscriptionSort.Start, Descending = true }), Page, Stretch),
            new("subscriptions expiry record (last day, latest 5)", async () => (await subscriptions.ExpiryRecordAsync(admin)).Latest.Count, Page, Stretch),

            new("audit log, first page", Audit(log), Page, Stretch),
            new("audit log, page behind a cursor 1M deep", Audit(log with { Before = s.DeepCursor }), Page, Stretch),
            new("audit log + actor (moderator's e-mail)", Audit(log with { Actor = "moderator@adminportal.demo" }), Page, Stretch),
            new("audit log + actor system", Audit(log with { Actor = AuditLogQuery.System }), Page, Stretch),
            new("audit log + actor unknown e-mail", Audit(log with { Actor = "nobody@example.org" }), Page, Stretch),
            new("audit log + action product.reject", Audit(log with { Action = "product.reject" }), Page, Stretch),
            new("audit log + action kind 'brand.'", Audit(log with { Action = "brand." }), Page, Stretch),
            new("audit log + rare action niche.edit", Audit(log with { Action = "niche.edit" }), Page, Stretch),
            new("audit log + entity type vendor", Audit(log with { EntityType = "vendor" }), Page, Stretch),
            new("audit log + entity type+id (a busy ticket)", Audit(log with { EntityType = "ticket", EntityId = s.AuditTicket }), Page, Stretch),
            new("audit log + date range (one week, 60 days ago)", Audit(log with { From = week.AddDays(-53), To = week.AddDays(-46) }), Page, Stretch),
            new("audit log + last 7 days", Audit(log with { From = week }), Page, Stretch),
            new("audit log + actor + action + range", Audit(log with { Actor = "admin@adminportal.demo", Action = "vendor.close", From = month }), Page, Stretch),
            new("audit log + entity type + range", Audit(log with { EntityType = "subscription", From = week.AddDays(-53), To = week.AddDays(-46) }), Page, Stretch),
        ];
    }
}

/// <summary>Ids the platform figures open, taken from the data.</summary>
public sealed record PlatformShape(int Niche, int RareNiche, int WaitingBrand, int Influencer, int Vendor, string AuditTicket, AuditCursor DeepCursor)
{
    public static async Task<PlatformShape> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        async Task<T> Scalar<T>(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
            return (T)(await cmd.ExecuteScalarAsync())!;
        }
        var niche = await Scalar<int>("SELECT niche_id FROM creators.influencer_niches GROUP BY niche_id ORDER BY count(*) DESC LIMIT 1");
        var rare = await Scalar<int>("SELECT niche_id FROM creators.influencer_niches GROUP BY niche_id ORDER BY count(*) LIMIT 1");
        var brand = await Scalar<int>("SELECT id FROM creators.brands WHERE pan_document_status = 'pending' OR gst_document_status = 'pending' OR incorporation_document_status = 'pending' ORDER BY created_at, id LIMIT 1");
        var influencer = await Scalar<int>("SELECT i.id FROM creators.influencers i JOIN creators.otps o ON o.phone = i.phone ORDER BY i.id LIMIT 1");
        var vendor = await Scalar<int>("SELECT vendor_id FROM vendors.locations ORDER BY vendor_id LIMIT 1");
        var ticket = await Scalar<string>("SELECT entity_id FROM audit.audit_log WHERE entity_type = 'ticket' AND at > now() - interval '1 day' ORDER BY at DESC LIMIT 1");
        await using var deep = new NpgsqlCommand("SELECT at, id FROM audit.audit_log ORDER BY at DESC, id DESC OFFSET 1000000 LIMIT 1", conn) { CommandTimeout = 300 };
        await using var reader = await deep.ExecuteReaderAsync();
        await reader.ReadAsync();
        var cursor = new AuditCursor(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetInt64(1));
        return new PlatformShape(niche, rare, brand, influencer, vendor, ticket, cursor);
    }
}
