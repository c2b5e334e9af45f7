using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.SqlMigrations;
using AdminPortal.Features.Audit;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using AdminPortal.Features.Vendors;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>
/// The large load's Cloutsy, Venta and audit parts at a small size, over the owner's connection: the owner is no
/// superuser, so foreign keys and checks are enforced during the COPY (a row pointing nowhere fails the load), and the
/// unique indexes are rebuilt after it (a duplicate link or e-mail fails it too).
/// </summary>
public sealed class LargePlatformLoadTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private NpgsqlDataSource OwnerSource() => DataSetup.BuildDataSource(Fixture.OwnerConnectionString);

    [Fact]
    public async Task Cloutsy_loads_every_brand_state_unique_links_and_ids_that_continue()
    {
        var size = new CreatorsSize(25, 2_000, 3, 1_300, 100, 3);   // from brand 1,200 on, waiting brands have a rejected PAN too
        await using (var source = OwnerSource())
            await LargeCreators.LoadAsync(source, size, Now, null, CancellationToken.None);

        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(25, await db.Set<Niche>().CountAsync());
        Assert.Equal(1, await db.Set<Niche>().CountAsync(n => !n.IsActive));   // every 25th is retired
        Assert.Equal(2_000, await db.Set<Influencer>().CountAsync());
        Assert.Equal(6_000, await db.Set<InfluencerNiche>().CountAsync());
        Assert.Equal(1_300, await db.Set<Brand>().CountAsync());
        Assert.Equal(300, await db.Set<Otp>().CountAsync());
        const DocumentStatus pending = DocumentStatus.Pending, rejected = DocumentStatus.Rejected, verified = DocumentStatus.Verified;
        var waiting = await db.Set<Brand>().CountAsync(b => b.IncorporationDocumentStatus == pending || b.GstDocumentStatus == pending || b.PanDocumentStatus == pending);
        Assert.Equal(104, waiting);   // 8 in every 100 (7 in the first, brand 0 does not exist)
        Assert.True(await db.Set<Brand>().AnyAsync(b => b.GstDocumentStatus == rejected && b.IncorporationDocumentStatus != pending && b.PanDocumentStatus != pending));
        Assert.True(await db.Set<Brand>().AnyAsync(b => b.IncorporationDocumentStatus == verified && b.GstDocumentStatus == verified && b.PanDocumentStatus == verified));
        Assert.True(await db.Set<Brand>().AnyAsync(b => b.GstDocumentStatus == DocumentStatus.NotSubmitted && b.GstDocument == null));
        foreach (var status in Enum.GetValues<DocumentStatus>())
            Assert.True(await db.Set<Brand>().AnyAsync(b => b.PanDocumentStatus == status), $"no PAN document {status}");
        // every influencer holds exactly its niches, each once
        Assert.Equal(0, await db.Set<InfluencerNiche>().GroupBy(l => new { l.InfluencerId, l.NicheId }).CountAsync(g => g.Count() > 1));
        Assert.Equal(2_000, await db.Set<InfluencerNiche>().Select(l => l.InfluencerId).Distinct().CountAsync());
        // the influencers as BinaryCopyWriter encodes them (decision 0045): dates, genders, nulls and flags by row number
        var some = await db.Set<Influencer>().AsNoTracking().Where(i => i.Id <= 60).OrderBy(i => i.Id).ToListAsync();
        foreach (var i in some)
        {
            var n = i.Id;
            Assert.Equal(LargeCreators.InfluencerPhone(n), i.Phone);
            Assert.EndsWith($"{n}@creators.cloutsy.demo", i.Email);
            Assert.Equal(n % 5 == 0 ? null : new DateOnly(1985 + n % 20, 1 + n % 12, 1 + n % 28), i.DateOfBirth);
            Assert.Equal(n % 10 == 0 ? null : (Gender)(n % 4), i.Gender);
            Assert.Equal(n % 3 == 0, i.Bio is null);
            Assert.Equal(n % 2 == 0 ? null : $"https://cdn.cloutsy.demo/influencers/{n}.jpg", i.ProfileImage);
            Assert.Equal((n % 5 != 0, n % 13 != 0), (i.IsPhoneVerified, i.IsActive));
            Assert.Equal(i.CreatedAt.AddDays(n % 5), i.UpdatedAt);
        }
        Assert.Equal(LargeCreators.InfluencerNiches(7, size).Order(), await db.Set<InfluencerNiche>().Where(l => l.InfluencerId == 7).Select(l => l.NicheId).OrderBy(x => x).ToListAsync());

        // the sequences continue after the explicit ids: the portal's next niche and influencer do not collide
        db.Add(new Niche { Name = "Added after the load" });
        db.Add(new Influencer { Name = "New", Username = "new.one", Email = "new@cloutsy.test", Phone = "+91 1" });
        await db.SaveChangesAsync();
        Assert.Equal(26, await db.Set<Niche>().MaxAsync(n => n.Id));
    }

    [Fact]
    public async Task Venta_loads_owners_trails_and_subscriptions_in_every_state_the_screens_filter()
    {
        var size = new VendorsSize(50, 200, 400);
        await using (var source = OwnerSource())
            await LargeVendors.LoadAsync(source, size, await LargeVendors.AddOwnersAsync(source, size, Now, CancellationToken.None), Now,
                CancellationToken.None);

        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(50, await db.Users.CountAsync(u => u.Email!.EndsWith(LargeVendors.OwnerDomain) && u.ClerkId != null));
        Assert.Equal(200, await db.Set<Vendor>().CountAsync());
        Assert.Equal(size.Points, await db.Set<Location>().LongCountAsync());
        Assert.Equal(175, await db.Set<Vendor>().CountAsync(v => v.Lat != null));   // one in eight never shared a position
        Assert.All(await db.Set<Vendor>().Select(v => v.User!.Email).ToListAsync(), e => Assert.EndsWith(LargeVendors.OwnerDomain, e));
        Assert.Equal(400, await db.Set<Subscription>().CountAsync());
        foreach (var status in Enum.GetValues<SubscriptionStatus>())
            Assert.True(await db.Set<Subscription>().AnyAsync(s => s.Status == status), $"no {status} subscription");
        Assert.True(await db.Set<Subscription>().AnyAsync(s => s.Status == SubscriptionStatus.Active && s.EndDate < Now), "none expired but active");
        Assert.True(await db.Set<Subscription>().AnyAsync(s => s.Status == SubscriptionStatus.Active && s.EndDate >= Now && s.EndDate <= Now.AddDays(7)),
            "none expiring within a week");
        // Clerk per owner, Algolia per vendor but one in 25 (8 of 200), Cloudinary for 3 in 4; 2 of 200 have neither
        Assert.Equal(50 + 192 + 150, await db.Set<Integration>().CountAsync());
        Assert.Equal(2, await db.Set<Vendor>().CountAsync(v => !db.Set<Integration>().Any(i => i.InternalId == v.Id.ToString() && i.Service != IntegrationService.Clerk)));
        // the live position is the newest point of the trail
        var vendor = await db.Set<Vendor>().Where(v => v.Lat != null).OrderBy(v => v.Id).FirstAsync();
        var newest = await db.Set<Location>().Where(l => l.VendorId == vendor.Id).OrderByDescending(l => l.Timestamp).FirstAsync();
        Assert.Equal((vendor.Lat, vendor.Long), (newest.Lat, newest.Long));
        // the trail as BinaryCopyWriter encodes it (decision 0045): its points, each (5 + v mod 25) minutes before the next
        var trail = await db.Set<Location>().Where(l => l.VendorId == vendor.Id).OrderByDescending(l => l.Timestamp).Select(l => l.Timestamp).ToListAsync();
        Assert.Equal(VendorsSize.PointsOf(vendor.Id - 1), trail.Count);
        Assert.All(trail.Zip(trail.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5 + (vendor.Id - 1) % 25), pair.First - pair.Second));
    }

    [Fact]
    public async Task The_audit_records_are_appended_over_90_days_and_the_log_stays_append_only()
    {
        await using (var source = OwnerSource())
            await LargeAuditLog.LoadAsync(source, new() { ["admin"] = [(7, "Asha Admin")] }, Now, 10_000, CancellationToken.None);

        await using var db = await Fixture.CreateDbContextAsync();
        var log = db.Set<AuditLogEntry>();
        Assert.Equal(10_000, await log.CountAsync());
        Assert.True(await log.MinAsync(a => a.At) >= Now.AddDays(-LargeAuditLog.Days));
        Assert.True(await log.MaxAsync(a => a.At) <= Now);
        Assert.Equal(LargeAuditLog.Kinds.Length, await log.Select(a => a.Action).Distinct().CountAsync());
        Assert.True(await log.AnyAsync(a => a.ActorId == 7 && a.ActorName == "Asha Admin"));
        Assert.True(await log.AnyAsync(a => a.ActorId == null && a.ActorName == "system"));
        // roles with no account (moderators, staff here) write as the system rather than as nobody
        Assert.False(await log.AnyAsync(a => a.ActorId != null && a.ActorId != 7));
        // the load dropped and rebuilt the indexes, not the triggers: the log still refuses UPDATE, DELETE and TRUNCATE
        foreach (var sql in new[] { "UPDATE audit.audit_log SET reason = 'x'", "DELETE FROM audit.audit_log", "TRUNCATE audit.audit_log" })
            await Assert.ThrowsAsync<PostgresException>(() => Fixture.Database.AsOwnerAsync(c => c.Database.ExecuteSqlRawAsync(sql)));
        Assert.Equal(5, (await Sql.ColumnAsync(Fixture, "SELECT indexname FROM pg_indexes WHERE schemaname = 'audit' AND tablename = 'audit_log' AND indexname LIKE 'idx_%'")).Count);
    }

    [Fact]
    public async Task Records_copied_frozen_into_the_empty_log_equal_those_appended_to_a_log_that_has_records()
    {
        const int count = 5_000;
        var actors = new Dictionary<string, (int Id, string Name)[]> { ["admin"] = [(7, "Asha Admin")], ["moderator"] = [(8, "Mo Moderator"), (9, "Mina")] };
        const string filenode = "SELECT pg_relation_filenode('audit.audit_log')::text";
        var before = (await Sql.ColumnAsync(Fixture, filenode)).Single();
        await using (var source = OwnerSource())
        {
            // the log is empty: truncated in the load's transaction and copied with FREEZE (a new file for the table)
            await LargeAuditLog.LoadAsync(source, actors, Now, count, CancellationToken.None);
            var afterFirst = (await Sql.ColumnAsync(Fixture, filenode)).Single();
            Assert.NotEqual(before, afterFirst);
            // the log has records now: appended as the load always did (same file, no FREEZE)
            await LargeAuditLog.LoadAsync(source, actors, Now, count, CancellationToken.None);
            Assert.Equal(afterFirst, (await Sql.ColumnAsync(Fixture, filenode)).Single());
        }

        Assert.Equal((2 * count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await Sql.ColumnAsync(Fixture, "SELECT count(*)::text FROM audit.audit_log")).Single());
        // record n of the first load equals record n of the second, column by column (the id aside)
        var equal = await Sql.ColumnAsync(Fixture, $"""
            WITH r AS (SELECT a.*, row_number() OVER (ORDER BY id) AS rn FROM audit.audit_log a)
            SELECT count(*)::text FROM r a JOIN r b ON b.rn = a.rn + {count}
            WHERE (a.actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.before::text, a.after::text, a.reason, a.at, a.client_address)
                  IS NOT DISTINCT FROM
                  (b.actor_id, b.actor_name, b.action, b.entity_type, b.entity_id, b.before::text, b.after::text, b.reason, b.at, b.client_address)
            """);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), equal.Single());
        // record 0 is a system escalation of ticket 1 with its before/after, at the start of the 90 days
        await using var db = await Fixture.CreateDbContextAsync();
        var first = await db.Set<AuditLogEntry>().OrderBy(a => a.Id).FirstAsync();
        Assert.Equal((null, "system", "ticket.escalate", "ticket", "1"), (first.ActorId, first.ActorName, first.Action, first.EntityType, first.EntityId));
        Assert.Equal((0, 1), (first.Before!.RootElement.GetProperty("level").GetInt32(), first.After!.RootElement.GetProperty("level").GetInt32()));
        Assert.Null(first.Reason);
        Assert.Equal(Now.AddDays(-LargeAuditLog.Days), first.At);
        Assert.Null(first.ClientAddress);
        // and the log is append-only again, its five filter indexes back
        await Assert.ThrowsAsync<PostgresException>(() => Fixture.Database.AsOwnerAsync(c => c.Database.ExecuteSqlRawAsync("TRUNCATE audit.audit_log")));
    }

    /// <summary>
    /// The records as <see cref="AuditRows"/> writes them (decision 0039) at a small size: each kind
    /// its weight's share, ids and times rising together, each entity type's ids written as the large data writes them
    /// (the catalog's product ids, the chat's row-ordered GUIDs, decimal ids from 1), every entity of a type named before
    /// any is named twice, the actors by role, and the rows stored in the (entity_type, entity_id, at DESC) index's order.
    /// </summary>
    [Fact]
    public async Task The_generated_records_have_the_kinds_shares_the_large_datas_ids_and_come_in_the_entity_index_order()
    {
        const int count = 5_000;
        var actors = new Dictionary<string, (int Id, string Name)[]> { ["admin"] = [(7, "Asha Admin")], ["moderator"] = [(8, "Mo Moderator"), (9, "Mina O'Neil")] };
        await using (var source = OwnerSource())
            await LargeAuditLog.LoadAsync(source, actors, Now, count, CancellationToken.None);

        // ids 1..count, one per record, times strictly rising with the id, within the 90 days
        Assert.Equal("5000 1 5000 true", (await Sql.ColumnAsync(Fixture, """
            SELECT count(*) || ' ' || min(id) || ' ' || max(id) || ' ' || bool_and(rising)
            FROM (SELECT id, at > lag(at) OVER (ORDER BY id) IS NOT FALSE AS rising FROM audit.audit_log) x
            """)).Single());
        var (min, max) = (Now.AddDays(-LargeAuditLog.Days), Now);
        await using var db = await Fixture.CreateDbContextAsync();
        var log = db.Set<AuditLogEntry>();
        Assert.True(await log.AllAsync(a => a.At >= min && a.At < max));
        // each kind exactly its weight per hundred records, with its entity type
        var byAction = await log.GroupBy(a => new { a.Action, a.EntityType }).Select(g => new { g.Key.Action, g.Key.EntityType, Count = g.Count() }).ToListAsync();
        Assert.Equal(LargeAuditLog.Kinds.Select(k => (k.Action, k.EntityType, k.Weight * count / 100)).Order(),
            byAction.Select(a => (a.Action, a.EntityType, a.Count)).Order());
        // a type's records name its entities 1, 2, 3, ... in turn: here every entity named at most once, the ids as the
        // large data writes them
        var ids = (await log.Select(a => new { a.EntityType, a.EntityId }).ToListAsync()).ToLookup(a => a.EntityType, a => a.EntityId);
        foreach (var type in LargeAuditLog.Kinds.Select(k => k.Entity).Distinct())
        {
            var named = ids[type.Name].ToList();
            var expected = Enumerable.Range(0, (int)Math.Min(named.Count, type.Count)).Select(e => type.Ids switch
            {
                AuditEntityIds.Product => ProductIds.FromNumber(e),
                AuditEntityIds.LargeGuid => AdminPortal.Data.Demo.Platform.PlatformBulk.LargeGuid(type.GuidKind, e).ToString(),
                _ => (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (named.Count <= type.Count)
                Assert.Equal(expected.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
            else   // more records than entities (the 100 niches): each named count / 100 or one more times
                Assert.Equal(expected.Order(StringComparer.Ordinal), named.Distinct().Order(StringComparer.Ordinal));
        }
        // the actors: the moderators take turns, staff (no account here) write as the system; a client address on every
        // 16th record of a person, the before/after on every 4th record of the kinds that have them
        Assert.Equal([8, 9], (await log.Where(a => a.ActorId != null && a.ActorId != 7).Select(a => a.ActorId!.Value).Distinct().ToListAsync()).Order());
        Assert.Equal("Mina O'Neil", await log.Where(a => a.ActorId == 9).Select(a => a.ActorName).Distinct().SingleAsync());
        Assert.False(await log.AnyAsync(a => a.Action.StartsWith("ticket.") && a.ActorId != null));
        Assert.True(await log.Where(a => a.ClientAddress != null).AllAsync(a => a.ActorId != null && (a.Id - 1) % 16 == 0));
        Assert.True(await log.Where(a => a.Before != null || a.After != null).AllAsync(a => (a.Id - 1) % 4 == 0));
        Assert.True(await log.AnyAsync(a => a.Before != null && a.Action == "ticket.status"));
        // stored in the entity index's order: entity type, entity id, newest first (the index build's input is presorted)
        Assert.Equal("0", (await Sql.ColumnAsync(Fixture, """
            SELECT count(*)::text FROM (
                SELECT (entity_type, entity_id) AS e, at, lag((entity_type, entity_id)) OVER (ORDER BY ctid) AS pe, lag(at) OVER (ORDER BY ctid) AS pat
                FROM audit.audit_log) x
            WHERE e < pe OR (e = pe AND at > pat)
            """)).Single());
        // the primary key and the identity are back: the next record the portal writes takes the next id
        Assert.Contains("pk_audit_log", await Sql.ColumnAsync(Fixture, "SELECT conname::text FROM pg_constraint WHERE conrelid = 'audit.audit_log'::regclass AND contype = 'p'"));
        Assert.Equal("5001", (await Sql.ColumnAsync(Fixture, "SELECT nextval(pg_get_serial_sequence('audit.audit_log', 'id'))::text")).Single());
    }

    /// <summary>
    /// The catalog's products as <see cref="BinaryCopyWriter"/> encodes them (decision 0043) at a small size, read back
    /// through the model: ids, the enums' labels, prices, vendors, images, texts, addresses, statuses and times as the
    /// large load defines them.
    /// </summary>
    [Fact]
    public async Task The_products_encoded_for_copy_read_back_as_the_large_load_defines_them()
    {
        var history = new AdminPortal.Data.Demo.DemoHistory(Now);
        await using (var source = DataSetup.BuildDataSource(Fixture.SuperuserConnectionString))
        {
            await AdminPortal.Data.Demo.Platform.PlatformBulk.UsersAsync(source, history, 200, CancellationToken.None);
            await using var load = await Fixture.CreateDbContextAsync();
            await AdminPortal.Data.Demo.Platform.PlatformBulk.ProductsAsync(load, source, history, 2_000, CancellationToken.None);
        }
        await using var db = await Fixture.CreateDbContextAsync();
        var vendors = await db.Users.Where(u => u.Email!.EndsWith(AdminPortal.Data.Demo.Platform.PlatformDemo.VendorDomain)).Select(u => u.Id).OrderBy(id => id).ToListAsync();
        var products = await db.Set<Product>().AsNoTracking().ToListAsync();
        var byId = products.ToDictionary(p => p.Id);

        Assert.Equal(2_000, products.Count);
        for (var i = 0; i < 2_000; i += 7)
        {
            var p = byId[ProductIds.FromNumber(i)];
            var cause = (Cause)(i % 5);
            Assert.Equal((cause, 100.0 + i, (100.0 + i) * 0.85, vendors[i % vendors.Count]), (p.Cause, p.Mrp, p.SellingPrice, p.VendorId));
            Assert.Equal([$"/assets/products/{AdminPortal.Data.Demo.Platform.CatalogDemo.Images[i % 8]}.svg"], p.Images);
            Assert.EndsWith(AdminPortal.Data.Demo.Platform.CatalogVocabulary.ByCause[cause].Items[i / 5 % 80 % AdminPortal.Data.Demo.Platform.CatalogVocabulary.ByCause[cause].Items.Length].ToLowerInvariant(), p.Title);
            Assert.Equal(AdminPortal.Data.Demo.Platform.CatalogVocabulary.ByCause[cause].Tagline, p.Description);
            Assert.Equal($"https://deed-o.example/products/{i}", p.ProductUrl);
            Assert.Equal(p.CreatedAt, p.UpdatedAt);
            Assert.InRange(p.CreatedAt, history.Today.AddDays(-AdminPortal.Data.Demo.DemoHistory.Days - 1), Now);
            if (i % 10 < 6)
                Assert.Equal(PublishingStatus.Published, p.PublishingStatus);
        }
        // every status, suggestions only among the last days' products
        Assert.Equal(Enum.GetValues<PublishingStatus>().Order(), products.Select(p => p.PublishingStatus).Distinct().Order());
        Assert.True(products.Where(p => p.PublishingStatus == PublishingStatus.Suggestion).All(p => Now - p.CreatedAt <= TimeSpan.FromDays(6)));
    }

    /// <summary>
    /// The chat's messages as <see cref="BinaryCopyWriter"/> encodes them (decision 0039) at a small size, over the
    /// superuser's connection as the load runs (messages are copied before their groups, foreign keys off): counts,
    /// the big group's share, senders and readers from the group's members, the GUIDs, texts, attachments and times
    /// as the large load defines them, and each group's last message.
    /// </summary>
    [Fact]
    public async Task The_chat_messages_encoded_for_copy_have_their_groups_members_ids_and_times()
    {
        var history = new AdminPortal.Data.Demo.DemoHistory(Now);
        await using (var source = DataSetup.BuildDataSource(Fixture.SuperuserConnectionString))
        {
            await AdminPortal.Data.Demo.Platform.PlatformBulk.UsersAsync(source, history, 200, CancellationToken.None);
            await using var load = await Fixture.CreateDbContextAsync();
            await AdminPortal.Data.Demo.Platform.PlatformBulk.ChatAsync(load, source, history, 5_000, CancellationToken.None);
        }
        string One(string sql) => Sql.ColumnAsync(Fixture, sql).GetAwaiter().GetResult().Single();
        Assert.Equal("5000 10", One("SELECT (SELECT count(*) FROM chat.messages) || ' ' || (SELECT count(*) FROM chat.groups)"));
        // the big group holds 12%; every sender is a member of the message's group, every message read by its members
        Assert.Equal("600", One($"SELECT count(*)::text FROM chat.messages WHERE group_id = '{AdminPortal.Data.Demo.Platform.PlatformBulk.LargeGuid(1, 0)}'"));
        Assert.Equal("0", One("SELECT count(*)::text FROM chat.messages m JOIN chat.groups g ON g.id = m.group_id WHERE NOT m.sender_id = ANY (g.members) OR m.read_by <> g.members"));
        Assert.Equal("0", One("SELECT count(*)::text FROM chat.messages m LEFT JOIN auth.users u ON u.id = m.sender_id WHERE u.id IS NULL OR u.email NOT LIKE '%@buyers.deedo.demo'"));
        // the ids are the row-ordered GUIDs 0..n-1 of the rows' places; they follow the group keyset's order (decision
        // 0045): within a group, a higher id is an older message; times within the 90 days before the anchor
        Assert.Equal("5000", One($"""
            SELECT count(*)::text FROM chat.messages
            WHERE id >= '{AdminPortal.Data.Demo.Platform.PlatformBulk.LargeGuid(3, 0)}' AND id <= '{AdminPortal.Data.Demo.Platform.PlatformBulk.LargeGuid(3, 4_999)}'
            """));
        Assert.Equal("0", One("""
            SELECT count(*)::text FROM (SELECT group_id < lag(group_id) OVER w OR (group_id = lag(group_id) OVER w AND timestamp > lag(timestamp) OVER w) AS back
                                        FROM chat.messages WINDOW w AS (ORDER BY id)) x WHERE back
            """));
        var (from, to) = (history.Today.AddDays(-AdminPortal.Data.Demo.DemoHistory.Days - 1), Now);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal("t", One($"SELECT (min(timestamp) >= '{from:O}' AND max(timestamp) <= '{to:O}')::text FROM chat.messages").Substring(0, 1));
        // every 50th message carries the photo, every 100th (from the 2nd) is a line with a link, the others short lines
        Assert.Equal("100 50", One("""
            SELECT (SELECT count(*) FROM chat.messages WHERE attachments @> '[{"type":"image"}]') || ' ' ||
                   (SELECT count(*) FROM chat.messages WHERE text LIKE '%https://deed-o.example/products/%')
            """));
        Assert.Equal("0", One("SELECT count(*)::text FROM chat.messages WHERE text = '' OR attachments IS NULL"));
        // the table holds the rows in idx_messages_group_keyset's order (decision 0045): by group, each group's newest first
        Assert.Equal("0", One("""
            SELECT count(*)::text FROM (
                SELECT group_id, timestamp, id, lag(group_id) OVER w AS g0, lag(timestamp) OVER w AS t0, lag(id) OVER w AS i0
                FROM chat.messages WINDOW w AS (ORDER BY ctid)) x
            WHERE group_id < g0 OR (group_id = g0 AND timestamp >= t0)
            """));
        // each group's last message is its newest
        Assert.Equal("0", One("""
            SELECT count(*)::text FROM chat.groups g
            WHERE g.last_message_id IS DISTINCT FROM (SELECT m.id FROM chat.messages m WHERE m.group_id = g.id ORDER BY m.timestamp DESC, m.id DESC LIMIT 1)
               OR g.last_message_at IS DISTINCT FROM (SELECT max(m.timestamp) FROM chat.messages m WHERE m.group_id = g.id)
            """));
    }

    [Fact]
    public async Task The_searches_of_the_new_lists_have_their_indexes_and_the_planner_can_use_them()
    {
        var present = await Sql.ColumnAsync(Fixture, "SELECT indexname FROM pg_indexes WHERE schemaname IN ('creators', 'vendors')");
        Assert.All(PlatformsSearchIndexes.Names, name => Assert.Contains(name, present));

        // with sequential scans ruled out (the tables are empty), the four-column brand search is a BitmapOr of trigram scans
        await using var conn = new NpgsqlConnection(Fixture.ConnectionString);
        await conn.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn))
            await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("""
            EXPLAIN SELECT id FROM creators.brands WHERE brand_name ILIKE '%lotus%' OR legal_entity_name ILIKE '%lotus%'
                OR email ILIKE '%lotus%' OR phone ILIKE '%lotus%'
            """, conn);
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        var plan = string.Join("\n", lines);
        Assert.Contains("BitmapOr", plan);
        foreach (var index in new[] { "ix_brands_brand_name_trgm", "ix_brands_legal_entity_name_trgm", "ix_brands_email_trgm", "ix_brands_phone_trgm" })
            Assert.Contains(index, plan);
    }

    [Fact]
    public async Task Each_brand_state_tab_as_the_queue_writes_it_reads_its_own_partial_index()
    {
        var present = await Sql.ColumnAsync(Fixture, "SELECT indexname FROM pg_indexes WHERE schemaname IN ('creators', 'vendors', 'audit')");
        Assert.All(PlatformsListIndexes.Names, name => Assert.Contains(name, present));

        // the partial indexes' predicates copy BrandFilters' SQL: if the filter is rewritten, the planner can no longer prove
        // the tab's WHERE implies the index's and this fails (the tables are empty, so sequential scans are ruled out)
        await using var db = await Fixture.CreateDbContextAsync();
        await using var conn = new NpgsqlConnection(Fixture.ConnectionString);
        await conn.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn))
            await off.ExecuteNonQueryAsync();
        foreach (var (state, index) in new[] { (AdminPortal.Features.Brands.BrandState.Reupload, "ix_brands_reupload_queue"),
                     (AdminPortal.Features.Brands.BrandState.Verified, "ix_brands_verified_queue"),
                     (AdminPortal.Features.Brands.BrandState.Incomplete, "ix_brands_incomplete_queue"),
                     (AdminPortal.Features.Brands.BrandState.Waiting, "ix_brands_verification_queue") })
        {
            var query = AdminPortal.Features.Brands.Queue.BrandFilters.Apply(db.Set<Brand>(),
                AdminPortal.Features.Brands.Queue.BrandQueueQuery.Default with { State = state }).Select(b => b.Id);
            await using var explain = new NpgsqlCommand("EXPLAIN " + query.ToQueryString(), conn);
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    lines.Add(reader.GetString(0));
            Assert.Contains(index, string.Join("\n", lines));
        }
    }

    /// <summary>Decision 0050: every index build of a bulk load reads the heap from its first page, so rows written in
    /// an index's order reach that index's sort in order (a synchronized scan would start near the table's end), and
    /// its B-tree builds sort in runs that fit in the CPU's cache, one process each.</summary>
    [Fact]
    public async Task A_bulk_load_sorts_in_cache_sized_runs_from_the_heaps_first_page_and_only_inside_its_transaction()
    {
        const string settings = "SELECT current_setting('synchronize_seqscans') || ' ' || current_setting('maintenance_work_mem') " +
                                "|| ' ' || current_setting('max_parallel_maintenance_workers')";
        await using var source = OwnerSource();
        string? during = null;
        await BulkLoad.RunAsync(source, "settings probe", [], [], async (conn, _) =>
        {
            await using var command = new NpgsqlCommand(settings, conn);
            during = (string?)await command.ExecuteScalarAsync();
        }, CancellationToken.None);
        Assert.Equal($"off {BulkLoad.SortMemory} 0", during);

        await using var after = await source.OpenConnectionAsync();   // SET LOCAL: the pooled connection is back to the defaults
        await using var check = new NpgsqlCommand(settings, after);
        Assert.StartsWith("on ", (string?)await check.ExecuteScalarAsync());
    }
}
