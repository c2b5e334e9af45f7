using System.Buffers.Binary;
using AdminPortal.Data.Bulk;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>
/// The large data set by binary COPY (<see cref="BulkLoad"/>: one transaction per table group, FK triggers off,
/// secondary indexes built once afterwards). Rows are made on the fly with arithmetic (no Bogus per row) and written
/// with the importer's synchronous Write: the per-value async state machine cost more CPU than the rows themselves.
/// </summary>
public static class PlatformBulk
{
    /// <summary>Per cause: every quality × item title (80 each) and the cause's stories, made once (no Bogus per row).</summary>
    private static readonly string[][] Titles = [.. Enum.GetValues<Cause>().Select(c => CatalogVocabulary.ByCause[c])
        .Select(w => w.Qualities.SelectMany(q => w.Items.Select(i => $"{q} {i.ToLowerInvariant()}")).ToArray())];
    private static readonly string[] Taglines = [.. Enum.GetValues<Cause>().Select(c => CatalogVocabulary.ByCause[c].Tagline)];

    /// <summary>
    /// The chat's short lines (as many bytes a row as the load wrote before: ten million rows), placeholders filled
    /// once; every 100th message is a line with a link.
    /// </summary>
    private static readonly string[] Lines = [.. ChatVocabulary.Buyer.Concat(ChatVocabulary.Vendor).Concat(ChatVocabulary.Friend)
        .Where(l => l.Length <= 28 && !l.Contains('{'))];
    private static readonly string[] LinkLines = [.. ChatVocabulary.Buyer.Concat(ChatVocabulary.Vendor).Concat(ChatVocabulary.Friend)
        .Where(l => l.Contains("{link}")).Select((l, i) => ChatVocabulary.Fill(l, "scarf", $"https://deed-o.example/products/{i * 7}"))];

    /// <summary>Row i of n's moment in the 90-day history: i = 0 newest, times spread by the weekly rhythm.</summary>
    private static DateTime When(DemoHistory history, long i, long n) => history.Back((double)i / n);

    /// <summary>100k users beside the demo accounts (so auth.users is not emptied: WAL is written for it).</summary>
    public static Task UsersAsync(NpgsqlDataSource dataSource, DemoHistory history, int count, CancellationToken ct) =>
        BulkLoad.RunAsync(dataSource, $"users ({count:N0})", [], ["auth.users"], (conn, _) =>
        {
            using var w = conn.BeginBinaryImport("COPY auth.users (user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, name, status, registration_platform, role, is_online, is_active, is_verified, created_at, updated_at, lockout_enabled, access_failed_count, phone_number_confirmed, two_factor_enabled) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < count; i++)
            {
                var email = $"user{i}" + (i < count / 10 ? PlatformDemo.VendorDomain : PlatformDemo.BuyerDomain);
                var upper = email.ToUpperInvariant();
                w.StartRow();
                w.Write(email); w.Write(upper); w.Write(email); w.Write(upper);
                w.Write(true); w.Write($"bulk-{i}"); w.Write($"User {i}");
                w.Write((PlatformUserStatus)(i % 3)); w.Write((PlatformType)(i / 3 % 3));
                w.Write(i % 500 == 0 ? PlatformUserRole.Moderator : PlatformUserRole.User);
                w.Write(i % 7 == 0); w.Write(i % 50 != 0); w.Write(i % 3 == 1);
                var created = When(history, i, count);
                w.Write(created, NpgsqlDbType.TimestampTz); w.Write(created, NpgsqlDbType.TimestampTz);
                w.Write(true); w.Write(0); w.Write(false); w.Write(false);
            }
            w.Complete();
            return Task.CompletedTask;
        }, ct);

    public static async Task ProductsAsync(PortalDbContext db, NpgsqlDataSource dataSource, DemoHistory history, int count, CancellationToken ct)
    {
        var (first, last) = await VendorRangeAsync(db, ct);
        // chat.groups (which references products) is still empty: emptying products again lets COPY skip WAL
        await BulkLoad.RunAsync(dataSource, $"products ({count:N0})", ["catalog.products"], ["catalog.products"], async (conn, freeze) =>
        {
            // a million rows on the load's critical path (the chat waits for the catalog): encoded straight into COPY's
            // binary format (BinaryCopyWriter), every repeated value encoded once
            var causes = Enum.GetValues<Cause>().Select(BinaryCopyWriter.EnumLabel).ToArray();
            var statuses = Enum.GetValues<PublishingStatus>().Select(BinaryCopyWriter.EnumLabel).ToArray();   // by value
            var images = CatalogDemo.Images.Select(image => System.Text.Encoding.UTF8.GetBytes($"[\"/assets/products/{image}.svg\"]")).ToArray();
            var titles = Titles.Select(t => t.Select(System.Text.Encoding.UTF8.GetBytes).ToArray()).ToArray();
            var taglines = Taglines.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            const string UrlPrefix = "https://deed-o.example/products/";
            var url = new char[64];
            UrlPrefix.CopyTo(url);
            await BinaryCopyWriter.CopyAsync(conn, $"COPY catalog.products (id, cause, mrp, selling_price, vendor_id, images, title, description, product_url, publishing_status, created_at, updated_at) FROM STDIN {BulkLoad.CopyOptions(freeze)}", async w =>
            {
                for (var i = 0; i < count; i++)
                {
                    var mrp = 100 + i % 9_900;
                    var created = When(history, i, count);
                    var cause = i % 5;
                    // suggestions wait hours to days: only the last few days' rows still wait, older ones were decided
                    var status = i % 10 < 6 ? PublishingStatus.Published : (PublishingStatus)(i % 4);
                    if (status == PublishingStatus.Suggestion && history.Anchor - created > RecentSuggestions)
                        status = i % 3 == 0 ? PublishingStatus.Rejected : PublishingStatus.Published;
                    await w.RowAsync(12, ct);
                    w.Text(ProductIds.FromNumber(i));
                    w.Bytes(causes[cause]);
                    w.Float8(mrp); w.Float8(mrp * 0.85);
                    w.Int4(first + i % (last - first + 1));
                    w.Bytes(images[i % 8]);
                    w.Bytes(titles[cause][i / 5 % 80]);
                    w.Bytes(taglines[cause]);
                    i.TryFormat(url.AsSpan(UrlPrefix.Length), out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
                    w.Text(url.AsSpan(0, UrlPrefix.Length + digits));
                    w.Bytes(statuses[(int)status]);
                    w.TimestampTz(created); w.TimestampTz(created);
                    Progress.Report("products", i + 1, count);
                }
            }, ct);
        }, ct);
    }

    /// <summary>
    /// Groups of very different sizes: group 0 gets 12% of all messages (1.2 million of 10), then a skewed long tail.
    /// Messages are written first, so each group's last message is known when the groups are written (no UPDATE
    /// over ten million rows afterwards); triggers are off, so the order of the two COPYs does not matter.
    /// </summary>
    public static async Task ChatAsync(PortalDbContext db, NpgsqlDataSource dataSource, DemoHistory history, long messages, CancellationToken ct)
    {
        var (firstUser, lastUser) = await UserRangeAsync(db, ct);
        var users = lastUser - firstUser + 1;
        var groups = (int)Math.Max(10, messages / 500);
        var members = Enumerable.Range(0, groups).Select(g => Members(g, firstUser, users)).ToArray();
        var lastOf = new long[groups];
        Array.Fill(lastOf, -1);
        await BulkLoad.RunAsync(dataSource, $"chat ({groups:N0} groups, {messages:N0} messages)",
            ["chat.groups", "chat.messages"], ["chat.groups", "chat.messages"], async (conn, freeze) =>
        {
            // ten million rows: encoded straight into COPY's binary format (BinaryCopyWriter), not value by value
            var readBy = members.Select(BinaryCopyWriter.Int4Array).ToArray();
            var lines = Lines.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            var linkLines = LinkLines.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            var photo = BinaryCopyWriter.Jsonb("[{\"url\":\"/assets/chat/photo.svg\",\"type\":\"image\"}]");
            var none = BinaryCopyWriter.Jsonb("[]");
            // the rows in the order of idx_messages_group_keyset (group_id, timestamp DESC, id DESC): each group's
            // messages together, newest first, so that index is built from presorted input (decision 0045). Message n
            // (its group, sender, text, attachments, time) is the same as before; its id is the row-ordered GUID of
            // its place k in the table, so the primary key, kept during the COPY, is still filled left to right
            var (order, starts) = GroupKeysetOrder(messages, groups, n => GroupOf(n, messages, groups));
            await BinaryCopyWriter.CopyAsync(conn,
                $"COPY chat.messages (id, sender_id, group_id, text, attachments, read_by, timestamp) FROM STDIN {BulkLoad.CopyOptions(freeze)}", async w =>
            {
                for (var g = 0; g < groups; g++)
                {
                    var m = members[g];
                    var groupId = LargeGuid(1, g);
                    if (starts[g + 1] > starts[g])
                        lastOf[g] = starts[g];   // newest first
                    for (var k = starts[g]; k < starts[g + 1]; k++)
                    {
                        long n = order[k];
                        await w.RowAsync(7, ct);
                        w.Uuid(LargeGuid(3, k));
                        w.Int4(m[(int)(n % m.Length)]);
                        w.Uuid(groupId);
                        w.Bytes(n % 100 == 1 ? linkLines[n / 100 % linkLines.Length] : lines[n % lines.Length]);
                        w.Bytes(n % 50 == 0 ? photo : none);
                        w.Bytes(readBy[g]);
                        w.TimestampTz(MessageTime(history, n, messages));
                        Progress.Report("messages", k + 1, messages);
                        if (k % 100_000 == 0)
                            ct.ThrowIfCancellationRequested();   // another part failed: stop, the transaction rolls back
                    }
                }
            }, ct);
            using (var w = conn.BeginBinaryImport($"COPY chat.groups (id, name, type, product_id, members, created_at, updated_at, last_message_id, last_message_at) FROM STDIN {BulkLoad.CopyOptions(freeze)}"))
            {
                for (var g = 0; g < groups; g++)
                {
                    w.StartRow();
                    w.Write(LargeGuid(1, g));
                    w.Write($"group {g}");
                    w.Write(g % 10 == 9 ? ConversationType.Private : ConversationType.Group);
                    w.Write(ProductIds.FromNumber(g * 7), NpgsqlDbType.Varchar);
                    w.Write(members[g], NpgsqlDbType.Array | NpgsqlDbType.Integer);
                    w.Write(history.Today.AddDays(-DemoHistory.Days), NpgsqlDbType.TimestampTz);
                    w.Write(history.Anchor, NpgsqlDbType.TimestampTz);
                    if (lastOf[g] < 0) { w.WriteNull(); w.WriteNull(); }
                    else { w.Write(LargeGuid(3, lastOf[g])); w.Write(MessageTime(history, order[lastOf[g]], messages), NpgsqlDbType.TimestampTz); }
                }
                w.Complete();
            }
        }, ct);
    }

    /// <summary>Message n's group: n below 12% of the messages is the big group 0's; then a skewed hash, so sizes range from a few to thousands.</summary>
    internal static int GroupOf(long n, long messages, int groups) =>
        n < messages * 12 / 100 ? 0 : (int)(1 + (ulong)(n * n % 7919 * (n % 13 + 1)) % (ulong)(groups - 1));

    /// <summary>
    /// The messages 0..count-1 by group (groups in id order: <see cref="LargeGuid"/> sorts by its number), each group's
    /// newest (highest n) first: a counting sort, group g's messages at <c>order[starts[g]..starts[g + 1]]</c>.
    /// </summary>
    internal static (int[] Order, int[] Starts) GroupKeysetOrder(long count, int groups, Func<long, int> groupOf)
    {
        var of = new int[count];
        var starts = new int[groups + 1];
        for (long n = 0; n < count; n++)
            starts[(of[n] = groupOf(n)) + 1]++;
        for (var g = 0; g < groups; g++)
            starts[g + 1] += starts[g];
        var next = (int[])starts.Clone();
        var order = new int[count];
        for (var n = count - 1; n >= 0; n--)
            order[next[of[n]]++] = (int)n;
        return (order, starts);
    }

    /// <summary>Message n of the load: oldest first (n = 0 about 90 days back), the last one just before the anchor.</summary>
    private static DateTime MessageTime(DemoHistory history, long n, long messages) => When(history, messages - 1 - n, messages);

    /// <summary>How far back the large load's suggestions still wait.</summary>
    private static readonly TimeSpan RecentSuggestions = TimeSpan.FromDays(5);

    /// <summary>
    /// Ids of the large set that sort in row order (the row number big-endian in the last bytes): the primary key is
    /// then filled left to right. The small demo's <see cref="ChatDemo.DemoGuid"/> puts the low byte first, which
    /// scatters ten million inserts over the whole B-tree.
    /// </summary>
    public static Guid LargeGuid(int kind, long n)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, kind);
        BinaryPrimitives.WriteInt16BigEndian(bytes[4..], 0x1a);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], n);
        return new Guid(bytes, bigEndian: true);
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
}
