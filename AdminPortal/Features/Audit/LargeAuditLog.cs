using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Globalization;

namespace AdminPortal.Features.Audit;

/// <summary>How the ids of one entity type of the large data are written: decimal ids from 1, product ids
/// (<see cref="ProductIds.FromNumber"/>), or the large load's row-ordered GUIDs (<see cref="PlatformBulk.LargeGuid"/> of a kind).</summary>
public enum AuditEntityIds { Decimal, Product, LargeGuid }

/// <summary>An entity type the audit records name: how many of it the large data has and how its ids are written.</summary>
public sealed record AuditEntityType(string Name, long Count, AuditEntityIds Ids, int GuidKind = 0);

/// <summary>One kind of audit record of the large load: who makes it (a role of the demo accounts, or the system),
/// its action and entity type, its weight (records per hundred) and an optional before/after and reason.</summary>
public sealed record AuditKind(string Actor, string Action, AuditEntityType Entity, int Weight,
    string? Before = null, string? After = null, string? Reason = null)
{
    public string EntityType => Entity.Name;
}

/// <summary>
/// <see cref="DemoScale.Large"/>: ten million audit records over the last 90 days, as the portal's own actions write
/// them (actions, entity types and ids of the large data: products, tickets, users, brands, vendors, subscriptions...),
/// by the demo accounts (the moderators decide products and brands, staff work tickets, the admin manages users and
/// vendors) and the system (escalations, expiries). audit.audit_log is append-only (triggers refuse UPDATE, DELETE and
/// TRUNCATE): the load only appends, in one transaction, with the secondary indexes and the primary key dropped and
/// built once after (an index is not a record).
/// <para>
/// Record n (its id is the first id + n, so ids follow time) is of the kind in slot n mod 100 of <see cref="Slots"/>;
/// its entity, actor and time follow from n (<see cref="AuditRows"/>, the one definition). The rows are written in
/// the order of the (entity_type, entity_id, at DESC) index (entity types, each one's entities in id order, each
/// entity's records newest first), so that index, the costliest of the log, is built from presorted input, and they
/// are encoded straight into COPY's binary format (decision 0039).
/// </para>
/// </summary>
public sealed class LargeAuditLog(NpgsqlDataSource dataSource, TimeProvider clock, DemoLoadOptions? options = null) : IDemoDataPart
{
    public const long DefaultCount = 10_000_000;
    public const int Days = 90;

    public int Order => 900;
    public string Name => "audit log";

    // needs only the demo accounts (its actors), so LargeLoadAfter is empty

    public static readonly AuditEntityType Ticket = new("ticket", 1_000_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType Subscription = new("subscription", 150_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType Product = new("product", 1_000_000, AuditEntityIds.Product);
    public static readonly AuditEntityType Message = new("message", 10_000_000, AuditEntityIds.LargeGuid, 3);
    public static readonly AuditEntityType Group = new("group", 20_000, AuditEntityIds.LargeGuid, 1);
    public static readonly AuditEntityType Brand = new("brand", 50_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType User = new("user", 100_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType Vendor = new("vendor", 100_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType Influencer = new("influencer", 200_000, AuditEntityIds.Decimal);
    public static readonly AuditEntityType Niche = new("niche", 100, AuditEntityIds.Decimal);

    public static readonly AuditKind[] Kinds =
    [
        new("system", "ticket.escalate", Ticket, 14, "{\"level\":0}", "{\"level\":1}"),
        new("system", "subscription.expire", Subscription, 2, "{\"status\":\"Active\"}", "{\"status\":\"Expired\"}"),
        new("staff", "ticket.status", Ticket, 10, "{\"status\":\"open\"}", "{\"status\":\"in_progress\"}"),
        new("staff", "ticket.assign", Ticket, 6),
        new("staff", "ticket.take", Ticket, 4),
        new("staff", "ticket.reply", Ticket, 9),
        new("staff", "ticket.note", Ticket, 4),
        new("moderator", "product.approve", Product, 14, "{\"publishingStatus\":\"suggestion\"}", "{\"publishingStatus\":\"published\"}"),
        new("moderator", "product.reject", Product, 5, null, null, "Images do not show the product"),
        new("moderator", "product.request_changes", Product, 4, null, null, "Add the material and size"),
        new("moderator", "message.hide", Message, 2, null, null, "Shares a phone number"),
        new("moderator", "chat.open", Group, 1, null, null, "Reported conversation"),
        new("moderator", "brand.incorporation.approve", Brand, 2),
        new("moderator", "brand.gst.approve", Brand, 2),
        new("moderator", "brand.pan.approve", Brand, 2),
        new("moderator", "brand.gst.reject", Brand, 1, null, null, "GST certificate is unreadable"),
        new("moderator", "brand.verified", Brand, 1, null, "{\"state\":\"Verified\"}"),
        new("admin", "user.deactivate", User, 2, "{\"isActive\":true}", "{\"isActive\":false}", "Repeated spam"),
        new("admin", "user.reactivate", User, 1, "{\"isActive\":false}", "{\"isActive\":true}", "Appeal accepted"),
        new("admin", "user.role.grant", User, 1, null, "{\"role\":\"Moderator\"}"),
        new("admin", "user.verify", User, 2),
        new("admin", "vendor.close", Vendor, 2, "{\"open\":true}", "{\"open\":false}", "Health inspection failed"),
        new("admin", "vendor.reopen", Vendor, 1, "{\"open\":false}", "{\"open\":true}", "Inspection passed"),
        new("admin", "subscription.extend", Subscription, 2, null, null, "Goodwill after an outage"),
        new("admin", "subscription.cancel", Subscription, 1, null, null, "Refund requested"),
        new("admin", "influencer.deactivate", Influencer, 2, "{\"active\":true}", "{\"active\":false}", "Fake followers"),
        new("admin", "niche.edit", Niche, 1),
        new("admin", "product.unpublish", Product, 2, null, null, "Counterfeit report"),
    ];

    /// <summary>
    /// The kind of record n is <c>Slots[n % 100]</c>: each kind as many slots as its weight (the weights add up to 100),
    /// spread over the hundred (slot (37 i) mod 100 gets the i-th of the kinds laid end to end), so every stretch of
    /// a hundred records has every kind in its share.
    /// </summary>
    public static readonly AuditKind[] Slots = SpreadSlots();

    private static AuditKind[] SpreadSlots()
    {
        var laid = Kinds.SelectMany(k => Enumerable.Repeat(k, k.Weight)).ToArray();
        if (laid.Length != 100)
            throw new InvalidOperationException($"The audit kinds' weights add up to {laid.Length}, not 100.");
        var slots = new AuditKind[100];
        for (var i = 0; i < 100; i++)
            slots[i * 37 % 100] = laid[i];
        return slots;
    }

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        if (scale != DemoScale.Large)
            return;
        // the platform users' load may hold auth.users for a while (its indexes dropped): wait for it, not 30 s
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var actors = await ActorsAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await LoadAsync(dataSource, actors, new DateTime(now.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc),
            options?.AuditRecords ?? DefaultCount, ct);
    }

    /// <summary>The demo accounts by role ("admin", "moderator", "staff"); a role with no account writes as the system.</summary>
    public static async Task<Dictionary<string, (int Id, string Name)[]>> ActorsAsync(PortalDbContext db, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@adminportal.demo"))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.Name }).ToListAsync(ct);
        (int, string)[] Of(string prefix) => [.. accounts.Where(a => a.Email!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => (a.Id, a.Name ?? a.Email!))];
        return new() { ["admin"] = Of("admin@"), ["moderator"] = Of("moderator"), ["staff"] = Of("staff.") };
    }

    private const string Columns = "id, actor_id, actor_name, action, entity_type, entity_id, before, after, reason, at, client_address";

    public static async Task LoadAsync(NpgsqlDataSource dataSource, Dictionary<string, (int Id, string Name)[]> actors, DateTime now,
        long count, CancellationToken ct)
    {
        await BulkLoad.RunAsync(dataSource, $"audit log ({count:N0} records)", [], ["audit.audit_log"], async (conn, _) =>
        {
            var freeze = await EmptyInThisTransactionAsync(conn, ct);
            // ids go on from the log's last (and the identity's): record n is id first + n
            var sequence = (string)(await Scalar(conn, "SELECT pg_get_serial_sequence('audit.audit_log', 'id')", ct))!;
            var last = (long)(await Scalar(conn, "SELECT greatest((SELECT coalesce(max(id), 0) FROM audit.audit_log), " +
                                                 $"(SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {sequence}))", ct))!;
            // the rows come in the entity index's order, not the id's: the primary key is built once after, like the others
            await BulkLoad.ExecuteAsync(conn, "ALTER TABLE audit.audit_log DROP CONSTRAINT pk_audit_log", ct);
            var rows = new AuditRows(actors, now.AddDays(-Days), count, last + 1);
            await BinaryCopyWriter.CopyAsync(conn, $"COPY audit.audit_log ({Columns}) FROM STDIN {BulkLoad.CopyOptions(freeze)}",
                w => rows.WriteAsync(w, ct), ct);
            await BulkLoad.ExecuteAsync(conn, "ALTER TABLE audit.audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (id)", ct);
            await Scalar(conn, $"SELECT setval('{sequence}', {Math.Max(last + count, 1)}, {(last + count > 0 ? "true" : "false")})", ct);
        }, ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>
    /// When the log has no record yet (the load runs on an emptied database), it is truncated in the load's transaction:
    /// a table emptied in the transaction takes <c>COPY ... FREEZE</c> (rows written frozen, no later vacuum) and, with
    /// the embedded cluster's <c>wal_level = minimal</c>, no WAL for its rows. Nothing is lost (it was empty); the
    /// trigger that refuses TRUNCATE is lifted for this one statement, inside the transaction, as
    /// <see cref="DatabaseReset"/> does, and is back before anything else can see the table (the dropped indexes
    /// already hold it exclusively). A log with records is appended to as before, without FREEZE. Returns whether it truncated.
    /// </summary>
    internal static async Task<bool> EmptyInThisTransactionAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM audit.audit_log)", conn))
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
                return false;
        await BulkLoad.ExecuteAsync(conn, $"ALTER TABLE audit.audit_log DISABLE TRIGGER {Data.SqlMigrations.AuditLogNoTruncate.Trigger}; " +
                                          "TRUNCATE audit.audit_log; " +
                                          $"ALTER TABLE audit.audit_log ENABLE TRIGGER {Data.SqlMigrations.AuditLogNoTruncate.Trigger}", ct);
        return true;
    }
}
