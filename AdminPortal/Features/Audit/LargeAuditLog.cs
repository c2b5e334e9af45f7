using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Audit;

/// <summary>One kind of audit record of the large load: who makes it (a role of the demo accounts, or the system),
/// its action and entity type, how its entity id is made from a number, and an optional before/after.</summary>
public sealed record AuditKind(string Actor, string Action, string EntityType, Func<long, string> EntityId, int Weight,
    string? Before = null, string? After = null, string? Reason = null);

/// <summary>
/// <see cref="DemoScale.Large"/>: ten million audit records over the last 90 days by binary COPY, as the portal's own
/// actions write them (actions, entity types and ids of the large data: products, tickets, users, brands, vendors,
/// subscriptions...), by the demo accounts (the moderators decide products and brands, staff work tickets, the admin
/// manages users and vendors) and the system (escalations, expiries). audit.audit_log is append-only (triggers refuse
/// UPDATE, DELETE and TRUNCATE): the load only appends, in one transaction, with the secondary indexes dropped and built
/// once after (an index is not a record). Not being emptied in the transaction, the table's COPY writes WAL.
/// </summary>
public sealed class LargeAuditLog(NpgsqlDataSource dataSource, TimeProvider clock, DemoLoadOptions? options = null) : IDemoDataPart
{
    public const long DefaultCount = 10_000_000;
    public const int Days = 90;

    public int Order => 900;
    public string Name => "audit log";

    /// <summary>Needs only the demo accounts (its actors).</summary>
    public bool LoadsAlongsideOthers => true;

    public static readonly AuditKind[] Kinds =
    [
        new("system", "ticket.escalate", "ticket", Ticket, 14, "{\"level\":0}", "{\"level\":1}"),
        new("system", "subscription.expire", "subscription", n => Id(n, 150_000), 2, "{\"status\":\"Active\"}", "{\"status\":\"Expired\"}"),
        new("staff", "ticket.status", "ticket", Ticket, 10, "{\"status\":\"open\"}", "{\"status\":\"in_progress\"}"),
        new("staff", "ticket.assign", "ticket", Ticket, 6),
        new("staff", "ticket.take", "ticket", Ticket, 4),
        new("staff", "ticket.reply", "ticket", Ticket, 9),
        new("staff", "ticket.note", "ticket", Ticket, 4),
        new("moderator", "product.approve", "product", Product, 14, "{\"publishingStatus\":\"suggestion\"}", "{\"publishingStatus\":\"published\"}"),
        new("moderator", "product.reject", "product", Product, 5, null, null, "Images do not show the product"),
        new("moderator", "product.request_changes", "product", Product, 4, null, null, "Add the material and size"),
        new("moderator", "message.hide", "message", n => PlatformBulk.LargeGuid(3, n % 10_000_000).ToString(), 2, null, null, "Shares a phone number"),
        new("moderator", "chat.open", "group", n => PlatformBulk.LargeGuid(1, n % 20_000).ToString(), 1, null, null, "Reported conversation"),
        new("moderator", "brand.incorporation.approve", "brand", Brand, 2),
        new("moderator", "brand.gst.approve", "brand", Brand, 2),
        new("moderator", "brand.pan.approve", "brand", Brand, 2),
        new("moderator", "brand.gst.reject", "brand", Brand, 1, null, null, "GST certificate is unreadable"),
        new("moderator", "brand.verified", "brand", Brand, 1, null, "{\"state\":\"Verified\"}"),
        new("admin", "user.deactivate", "user", User, 2, "{\"isActive\":true}", "{\"isActive\":false}", "Repeated spam"),
        new("admin", "user.reactivate", "user", User, 1, "{\"isActive\":false}", "{\"isActive\":true}", "Appeal accepted"),
        new("admin", "user.role.grant", "user", User, 1, null, "{\"role\":\"Moderator\"}"),
        new("admin", "user.verify", "user", User, 2),
        new("admin", "vendor.close", "vendor", n => Id(n, 100_000), 2, "{\"open\":true}", "{\"open\":false}", "Health inspection failed"),
        new("admin", "vendor.reopen", "vendor", n => Id(n, 100_000), 1, "{\"open\":false}", "{\"open\":true}", "Inspection passed"),
        new("admin", "subscription.extend", "subscription", n => Id(n, 150_000), 2, null, null, "Goodwill after an outage"),
        new("admin", "subscription.cancel", "subscription", n => Id(n, 150_000), 1, null, null, "Refund requested"),
        new("admin", "influencer.deactivate", "influencer", n => Id(n, 200_000), 2, "{\"active\":true}", "{\"active\":false}", "Fake followers"),
        new("admin", "niche.edit", "niche", n => Id(n, 100), 1),
        new("admin", "product.unpublish", "product", Product, 2, null, null, "Counterfeit report"),
    ];

    private static string Id(long n, int count) => (1 + n % count).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Ticket(long n) => Id(n, 1_000_000);
    private static string Brand(long n) => Id(n, 50_000);
    private static string User(long n) => Id(n, 100_000);
    private static string Product(long n) => ProductIds.FromNumber((int)(n % 1_000_000));

    /// <summary>The kind of record n: a weighted pick by a hash of n (the weights add up to 100).</summary>
    public static AuditKind KindOf(long n) => Slots[(int)((ulong)(n * 2654435761L) % (ulong)Slots.Length)];

    private static readonly AuditKind[] Slots = [.. Kinds.SelectMany(k => Enumerable.Repeat(k, k.Weight))];

    private static readonly string[] ClientAddresses = [.. Enumerable.Range(0, 200).Select(i => "10.0.0." + i)];

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

    public static async Task LoadAsync(NpgsqlDataSource dataSource, Dictionary<string, (int Id, string Name)[]> actors, DateTime now,
        long count, CancellationToken ct)
    {
        var span = TimeSpan.FromDays(Days).Ticks;
        var start = now.AddDays(-Days);
        await BulkLoad.RunAsync(dataSource, $"audit log ({count:N0} records)", [], ["audit.audit_log"], async (conn, _) =>
        {
            var freeze = await EmptyInThisTransactionAsync(conn, ct);
            await using var w = await conn.BeginBinaryImportAsync("COPY audit.audit_log (actor_id, actor_name, action, entity_type, entity_id, " +
                                                                  $"before, after, reason, at, client_address) FROM STDIN {BulkLoad.CopyOptions(freeze)}", ct);
            // every value written with its type named: Npgsql then skips resolving a type for each of the 100M values
            const NpgsqlDbType text = NpgsqlDbType.Varchar;
            for (long n = 0; n < count; n++)
            {
                var kind = KindOf(n);
                var people = actors.GetValueOrDefault(kind.Actor);
                w.StartRow();
                if (people is not { Length: > 0 }) { w.WriteNull(); w.Write("system", text); }
                else { var (id, name) = people[(int)(n / 7 % people.Length)]; w.Write(id, NpgsqlDbType.Integer); w.Write(name, text); }
                w.Write(kind.Action, text);
                w.Write(kind.EntityType, text);
                w.Write(kind.EntityId(n * 7919 / 3), text);
                // one record in four carries its before/after (the rest of the kinds have none, as their actions write)
                if (kind.Before is null || n % 4 != 0) w.WriteNull(); else w.Write(kind.Before, NpgsqlDbType.Jsonb);
                if (kind.After is null || n % 4 != 0) w.WriteNull(); else w.Write(kind.After, NpgsqlDbType.Jsonb);
                if (kind.Reason is null) w.WriteNull(); else w.Write(kind.Reason, NpgsqlDbType.Text);
                w.Write(start.AddTicks(span / count * n + n % 7 * TimeSpan.TicksPerMillisecond), NpgsqlDbType.TimestampTz);
                if (people is { Length: > 0 } && n % 16 == 0) w.Write(ClientAddresses[n % 200], text); else w.WriteNull();
                Progress.Report("audit records", n + 1, count);
                if (n % 100_000 == 0)
                    ct.ThrowIfCancellationRequested();   // another part failed: stop, the transaction rolls back
            }
            await w.CompleteAsync(ct);
        }, ct);
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
