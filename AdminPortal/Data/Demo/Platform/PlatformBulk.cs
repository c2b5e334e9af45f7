using System.Diagnostics;
using AdminPortal.Data.Bulk;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>
/// The large data set by binary COPY: rows made on the fly with arithmetic (no Bogus per row), secondary indexes
/// built once afterwards, FK triggers skipped while loading (the generator only makes ids that exist).
/// </summary>
public static class PlatformBulk
{
    private static readonly string[] Words = ["hand", "woven", "clay", "organic", "heritage", "linen", "tea", "lamp", "bamboo", "indigo", "jute", "brass"];

    public static async Task UsersAsync(PortalDbContext db, int count, CancellationToken ct)
    {
        var conn = await OpenAsync(db, ct);
        await PhaseAsync($"users ({count:N0})", () => DeferredIndexes.RunAsync(conn, ["auth.users"], async () =>
        {
            await using var w = await conn.BeginBinaryImportAsync("COPY auth.users (user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, name, status, registration_platform, role, is_online, is_active, is_verified, created_at, updated_at, lockout_enabled, access_failed_count, phone_number_confirmed, two_factor_enabled) FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < count; i++)
            {
                var email = $"user{i}" + (i < count / 10 ? PlatformDemo.VendorDomain : PlatformDemo.BuyerDomain);
                await w.StartRowAsync(ct);
                await w.WriteAsync(email, ct); await w.WriteAsync(email.ToUpperInvariant(), ct);
                await w.WriteAsync(email, ct); await w.WriteAsync(email.ToUpperInvariant(), ct);
                await w.WriteAsync(true, ct); await w.WriteAsync($"bulk-{i}", ct); await w.WriteAsync($"User {i}", ct);
                await w.WriteAsync((PlatformUserStatus)(i % 3), ct); await w.WriteAsync((PlatformType)(i / 3 % 3), ct);
                await w.WriteAsync(i % 500 == 0 ? PlatformUserRole.Moderator : PlatformUserRole.User, ct);
                await w.WriteAsync(i % 7 == 0, ct); await w.WriteAsync(i % 50 != 0, ct); await w.WriteAsync(i % 3 == 1, ct);
                var created = PlatformDemo.Anchor.AddMinutes(-i * 5);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(true, ct); await w.WriteAsync(0, ct); await w.WriteAsync(false, ct); await w.WriteAsync(false, ct);
            }
            await w.CompleteAsync(ct);
        }, Console.WriteLine, ct));
    }

    public static async Task ProductsAsync(PortalDbContext db, int count, CancellationToken ct)
    {
        var (first, last) = await VendorRangeAsync(db, ct);
        var conn = await OpenAsync(db, ct);
        await PhaseAsync($"products ({count:N0})", () => WithoutTriggersAsync(conn, () => DeferredIndexes.RunAsync(conn, ["catalog.products"], async () =>
        {
            await using var w = await conn.BeginBinaryImportAsync("COPY catalog.products (id, cause, mrp, selling_price, vendor_id, images, title, description, product_url, publishing_status, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < count; i++)
            {
                var mrp = 100 + i % 9_900;
                var created = PlatformDemo.Anchor.AddSeconds(-i * 30L);
                await w.StartRowAsync(ct);
                await w.WriteAsync(ProductIds.FromNumber(i), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((Cause)(i % 5), ct);
                await w.WriteAsync((double)mrp, ct); await w.WriteAsync(mrp * 0.85, ct);
                await w.WriteAsync(first + i % (last - first + 1), ct);
                await w.WriteAsync($"[\"/assets/products/{CatalogDemo.Images[i % 8]}.svg\"]", NpgsqlDbType.Json, ct);
                await w.WriteAsync($"{Words[i % 12]} {Words[i / 12 % 12]} {Words[i / 144 % 12]} {i}", ct);
                await w.WriteAsync("Made by hand for a cause.", ct);
                await w.WriteAsync($"https://deed-o.example/products/{i}", ct);
                await w.WriteAsync(i % 10 < 6 ? PublishingStatus.Published : (PublishingStatus)(i % 4), ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }, Console.WriteLine, ct)));
    }

    /// <summary>Groups of very different sizes: group 0 gets 12% of all messages (1.2 million of 10), then a long tail.</summary>
    public static async Task ChatAsync(PortalDbContext db, long messages, CancellationToken ct)
    {
        var (firstUser, lastUser) = await UserRangeAsync(db, ct);
        var users = lastUser - firstUser + 1;
        var groups = (int)Math.Max(10, messages / 500);
        var conn = await OpenAsync(db, ct);
        await PhaseAsync($"groups ({groups:N0})", () => WithoutTriggersAsync(conn, () => DeferredIndexes.RunAsync(conn, ["chat.groups"], async () =>
        {
            await using var w = await conn.BeginBinaryImportAsync("COPY chat.groups (id, name, type, product_id, members, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
            for (var g = 0; g < groups; g++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(ChatDemo.DemoGuid(1, g), ct);
                await w.WriteAsync($"group {g}", ct);
                await w.WriteAsync(g % 10 == 9 ? ConversationType.Private : ConversationType.Group, ct);
                await w.WriteAsync(ProductIds.FromNumber(g * 7), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(Members(g, firstUser, users), NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                await w.WriteAsync(PlatformDemo.Anchor.AddDays(-365), NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(PlatformDemo.Anchor, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }, Console.WriteLine, ct)));
        await PhaseAsync($"messages ({messages:N0})", () => WithoutTriggersAsync(conn, () => DeferredIndexes.RunAsync(conn, ["chat.messages"], async () =>
        {
            await using var w = await conn.BeginBinaryImportAsync("COPY chat.messages (id, sender_id, group_id, text, attachments, read_by, timestamp) FROM STDIN (FORMAT BINARY)", ct);
            var big = messages * 12 / 100;
            for (long n = 0; n < messages; n++)
            {
                // n < big: the big group; then group = a skewed hash, so sizes range from a few to thousands
                var g = n < big ? 0 : (int)(1 + (ulong)(n * n % 7919 * (n % 13 + 1)) % (ulong)(groups - 1));
                var members = Members(g, firstUser, users);
                await w.StartRowAsync(ct);
                await w.WriteAsync(ChatDemo.DemoGuid(3, n), ct);
                await w.WriteAsync(members[(int)(n % members.Length)], ct);
                await w.WriteAsync(ChatDemo.DemoGuid(1, g), ct);
                await w.WriteAsync(Words[n % 12] + " " + Words[n / 12 % 12], ct);
                await w.WriteAsync(n % 50 == 0 ? "[{\"url\":\"/assets/chat/photo.svg\",\"type\":\"image\"}]" : "[]", NpgsqlDbType.Jsonb, ct);
                await w.WriteAsync(members, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                await w.WriteAsync(PlatformDemo.Anchor.AddSeconds(-(messages - n) * 3), NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }, Console.WriteLine, ct)));
        await PhaseAsync("groups.last_message", async () =>
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE chat.groups g SET last_message_id = m.id, last_message_at = m.timestamp
                FROM (SELECT DISTINCT ON (group_id) group_id, id, timestamp FROM chat.messages
                      ORDER BY group_id, timestamp DESC, id DESC) m WHERE m.group_id = g.id
                """, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        });
    }

    private static int[] Members(int g, int firstUser, int users) =>
        g % 10 == 9 ? [firstUser + g % users, firstUser + (g * 31 + 1) % users]
                    : [firstUser + g % users, firstUser + (g * 31 + 1) % users, firstUser + (g * 17 + 2) % users, firstUser + (g * 7 + 3) % users];

    private static async Task<(int, int)> VendorRangeAsync(PortalDbContext db, CancellationToken ct)
    {
        var ids = db.Users.Where(u => u.Email!.EndsWith(PlatformDemo.VendorDomain)).Select(u => u.Id);
        return (await ids.MinAsync(ct), await ids.MaxAsync(ct));
    }

    private static async Task<(int, int)> UserRangeAsync(PortalDbContext db, CancellationToken ct)
    {
        var ids = db.Users.Where(u => u.Email!.EndsWith(PlatformDemo.BuyerDomain)).Select(u => u.Id);
        return (await ids.MinAsync(ct), await ids.MaxAsync(ct));
    }

    private static async Task<NpgsqlConnection> OpenAsync(PortalDbContext db, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
            await conn.OpenAsync(ct);
        return conn;
    }

    private static async Task WithoutTriggersAsync(NpgsqlConnection conn, Func<Task> load)
    {
        await using (var on = new NpgsqlCommand("SET session_replication_role = replica", conn))
            await on.ExecuteNonQueryAsync();
        try { await load(); }
        finally
        {
            await using var off = new NpgsqlCommand("SET session_replication_role = DEFAULT", conn);
            await off.ExecuteNonQueryAsync();
        }
    }

    private static async Task PhaseAsync(string name, Func<Task> phase)
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"[platform] {name}: loading");
        await phase();
        Console.WriteLine($"[platform] {name}: {watch.Elapsed.TotalSeconds:F1} s");
    }
}
