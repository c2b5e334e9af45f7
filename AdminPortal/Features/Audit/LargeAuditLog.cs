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
/// The rows are made by the server (decision 0039): <see cref="GeneratorSql"/> is the one definition of a record,
/// run as <c>COPY (query) TO STDOUT (FORMAT BINARY)</c> on a second connection and streamed unchanged into the load's
/// <c>COPY ... FROM STDIN (FORMAT BINARY, FREEZE)</c>: the loading process only moves bytes. Record n (its id is n + 1,
/// so ids follow time) is of the kind in slot n mod 100 of <see cref="Slots"/>; its entity and its time follow from n.
/// The query writes the rows in the order of the (entity_type, entity_id, at DESC) index (entity types, each one's
/// entities in id order, each entity's records newest first), so that index, the costliest of the log, is built from
/// presorted input.
/// </para>
/// </summary>
public sealed class LargeAuditLog(NpgsqlDataSource dataSource, TimeProvider clock, DemoLoadOptions? options = null) : IDemoDataPart
{
    public const long DefaultCount = 10_000_000;
    public const int Days = 90;

    public int Order => 900;
    public string Name => "audit log";

    /// <summary>Needs only the demo accounts (its actors).</summary>
    public bool LoadsAlongsideOthers => true;

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
            await using (var generator = await dataSource.OpenConnectionAsync(ct))
            {
                var query = GeneratorSql(actors, now.AddDays(-Days), count, last + 1);
                await using var output = await generator.BeginRawBinaryCopyAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)", ct);
                output.ReadTimeout = output.WriteTimeout = 0;   // none: ten million rows take minutes
                await using var input = await conn.BeginRawBinaryCopyAsync(
                    $"COPY audit.audit_log ({Columns}) FROM STDIN {BulkLoad.CopyOptions(freeze)}", ct);
                input.ReadTimeout = input.WriteTimeout = 0;
                await output.CopyToAsync(input, 1 << 20, ct);   // another part failed: cancelled, the transaction rolls back
            }
            Progress.Report("audit records", count, count);
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
    /// The one definition of the large load's audit records, as a query (COPY takes no parameters: the values are
    /// written in as literals). Record n, for n from 0 to count - 1:
    /// <list type="bullet">
    /// <item>id <c>firstId + n</c>; kind <c>Slots[n % 100]</c>; at <c>start + n (90 days / count) + (n mod 7) ms</c>
    /// (ids and times rise together);</item>
    /// <item>the entity: the records of one entity type are numbered j = 0, 1, ... in time order (j-th of the type's
    /// slots); record j names the type's entity j mod (its count), so every entity has its records spread over the 90
    /// days;</item>
    /// <item>the actor: one of the kind's role's demo accounts, the (n / 7)-th round robin, or the system where the
    /// role has none; a client address (10.0.0.(n mod 200)) on every 16th record of a person;</item>
    /// <item>the kind's before/after on every 4th record, its reason on every one.</item>
    /// </list>
    /// The rows come out in the (entity_type, entity_id, at DESC) index's order; only the entity ids of each type are
    /// sorted (at most a million short strings), not the ten million records.
    /// </summary>
    public static string GeneratorSql(Dictionary<string, (int Id, string Name)[]> actors, DateTime start, long count, long firstId)
    {
        if (count <= 0)
            throw new ArgumentOutOfRangeException(nameof(count));
        var kindIndex = Kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i + 1);
        var roles = new[] { "admin", "moderator", "staff" };
        string People(string role, bool names) => Array(actors.GetValueOrDefault(role) ?? [],
            p => names ? Literal(p.Name) : p.Id.ToString(CultureInfo.InvariantCulture), names ? "text" : "int");
        var types = Kinds.Select(k => k.Entity).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t =>
        {
            if (t.Ids == AuditEntityIds.Product && t.Count > 1 << 20)
                throw new InvalidOperationException("Product entity ids are written with four base-32 digits (a million products).");
            var slots = Enumerable.Range(0, 100).Where(s => Slots[s].Entity == t);
            return $"({Literal(t.Name)}, {t.Count}::bigint, {(int)t.Ids}, {t.GuidKind}, ARRAY[{string.Join(", ", slots)}]::int[])";
        });
        var step = TimeSpan.FromDays(Days).Ticks / count;   // in ticks of 100 ns, as the times were made before
        return $$"""
            SELECT {{firstId}}::bigint + x.n AS id,
                   CASE WHEN cardinality(p.ids) > 0 THEN p.ids[(x.n / 7) % cardinality(p.ids) + 1] END AS actor_id,
                   CASE WHEN cardinality(p.ids) > 0 THEN p.names[(x.n / 7) % cardinality(p.ids) + 1] ELSE 'system' END AS actor_name,
                   (ARRAY[{{string.Join(", ", Kinds.Select(k => Literal(k.Action)))}}]::text[])[x.k] AS action,
                   t.name AS entity_type,
                   en.entity_id,
                   CASE WHEN x.n % 4 = 0 THEN (ARRAY[{{string.Join(", ", Kinds.Select(k => Literal(k.Before)))}}]::jsonb[])[x.k] END AS before,
                   CASE WHEN x.n % 4 = 0 THEN (ARRAY[{{string.Join(", ", Kinds.Select(k => Literal(k.After)))}}]::jsonb[])[x.k] END AS after,
                   (ARRAY[{{string.Join(", ", Kinds.Select(k => Literal(k.Reason)))}}]::text[])[x.k] AS reason,
                   '{{start:yyyy-MM-ddTHH:mm:ss.ffffff}}Z'::timestamptz
                       + ((x.n * {{step}}) / 10 + (x.n % 7) * 1000) * interval '1 microsecond' AS at,
                   CASE WHEN cardinality(p.ids) > 0 AND x.n % 16 = 0 THEN '10.0.0.' || (x.n % 200) END AS client_address
            FROM (SELECT name, entities, ids, guid_kind, slots, cardinality(slots) AS w,
                         {{count / 100}} * cardinality(slots) + (SELECT count(*) FROM unnest(slots) s WHERE s < {{count % 100}}) AS records
                  FROM (VALUES {{string.Join(", ", types)}}) AS v (name, entities, ids, guid_kind, slots)
                  ORDER BY name) t
            CROSS JOIN LATERAL (
                SELECT e, CASE t.ids
                    WHEN 0 THEN (e + 1)::text
                    WHEN 1 THEN '{{ProductIds.Prefix}}000000000000' || {{Digit("e >> 15")}} || {{Digit("e >> 10")}} || {{Digit("e >> 5")}} || {{Digit("e")}}
                    ELSE lpad(to_hex(t.guid_kind), 8, '0') || '-001a-0000-' || substr(lpad(to_hex(e), 16, '0'), 1, 4) || '-'
                         || substr(lpad(to_hex(e), 16, '0'), 5) END AS entity_id
                FROM generate_series(0::bigint, least(t.entities, t.records) - 1) AS e
                ORDER BY CASE WHEN t.ids = 0 THEN (e + 1)::text END, e) en
            CROSS JOIN LATERAL generate_series((t.records - 1 - en.e) / t.entities, 0, -1) AS r
            CROSS JOIN LATERAL (SELECT (en.e + r * t.entities) / t.w * 100 + t.slots[(en.e + r * t.entities) % t.w + 1] AS n) AS xn
            CROSS JOIN LATERAL (SELECT xn.n, (ARRAY[{{string.Join(", ", Slots.Select(k => kindIndex[k]))}}]::int[])[xn.n % 100 + 1] AS k) AS x
            CROSS JOIN LATERAL (SELECT CASE (ARRAY[{{string.Join(", ", Kinds.Select(k => System.Array.IndexOf(roles, k.Actor) + 1))}}]::int[])[x.k]
                                           {{string.Join(" ", roles.Select((r, i) => $"WHEN {i + 1} THEN {People(r, false)}"))}} ELSE '{}'::int[] END AS ids,
                                       CASE (ARRAY[{{string.Join(", ", Kinds.Select(k => System.Array.IndexOf(roles, k.Actor) + 1))}}]::int[])[x.k]
                                           {{string.Join(" ", roles.Select((r, i) => $"WHEN {i + 1} THEN {People(r, true)}"))}} ELSE '{}'::text[] END AS names) AS p
            """;
    }

    private static string Digit(string of) => $"substr('{ProductIds.Alphabet}', (({of}) & 31)::int + 1, 1)";

    private static string Literal(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Array<T>(IEnumerable<T> values, Func<T, string> literal, string type) =>
        $"ARRAY[{string.Join(", ", values.Select(literal))}]::{type}[]";

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
