using AdminPortal.Data;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users.Platform;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// Figures 1 and 2: each list's first and a deep page, with and without one filter, as raw prepared SQL and through
/// EF Core (<see cref="ListQueries"/>); then counts and searches as the screens run them.
/// </summary>
public sealed class ListBenchmarks(BenchContext bench)
{
    private const string EfNote = "EF query shape as in the benchmark, not yet the screen's service";

    /// <summary>One list query: the SQL and the LINQ of the same shape, and the targets that apply.</summary>
    private sealed record Case(string Name, string Sql, Func<object?[]> Args, Func<PortalDbContext, Task<int>> Ef, double RawTarget);

    /// <summary>The parameters taken from the data: the big group, a cursor deep into it, a hostel's busiest category.</summary>
    public sealed record Shape(Guid BigGroup, (DateTime, Guid) DeepCursor, int DeepOffset, int HostelId, int CategoryId, int Sender, long BigGroupSize);

    public async Task<Shape> ShapeAsync()
    {
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        var big = await ScalarAsync<Guid>(conn, "SELECT group_id FROM chat.messages GROUP BY group_id ORDER BY count(*) DESC LIMIT 1");
        var size = await ScalarAsync<long>(conn, "SELECT count(*) FROM chat.messages WHERE group_id = $1", big);
        var depth = (int)Math.Min(1_000_000, size * 9 / 10);
        await using var cursor = new NpgsqlCommand(
            "SELECT timestamp, id FROM chat.messages WHERE group_id = $1 ORDER BY timestamp DESC, id DESC OFFSET $2 LIMIT 1", conn)
            { Parameters = { new() { Value = big }, new() { Value = depth } } };
        await using var reader = await cursor.ExecuteReaderAsync();
        await reader.ReadAsync();
        var deep = (reader.GetDateTime(0), reader.GetGuid(1));
        await reader.CloseAsync();
        var sender = await ScalarAsync<int>(conn, "SELECT sender_id FROM chat.messages WHERE group_id = $1 LIMIT 1", big);
        var category = await ScalarAsync<int>(conn,
            "SELECT category_id FROM helpdesk.tickets WHERE hostel_id = 1 GROUP BY category_id ORDER BY count(*) DESC LIMIT 1");
        var offset = (int)Math.Min(10_000, await ScalarAsync<long>(conn,
            "SELECT count(*) FROM (SELECT 1 FROM helpdesk.tickets WHERE hostel_id = 1 AND category_id = $1 AND status = ANY($2) LIMIT 100000) t",
            category, ListQueries.OpenStatuses) / 2);
        return new Shape(big, deep, Math.Max(offset, 0), 1, category, sender, size);
    }

    public async Task<List<Figure>> ListsAsync(Shape s)
    {
        var open = ListQueries.OpenStatuses;
        const string products = "SELECT id, title, cause, vendor_id, selling_price, created_at FROM catalog.products WHERE publishing_status = 'suggestion'";
        const string productsOrder = " ORDER BY created_at, id LIMIT 50 OFFSET $1";
        const string tickets = "SELECT id, title, status, category_id, assigned_to, due_at FROM helpdesk.tickets WHERE hostel_id = $1 AND status = ANY($2)";
        const string ticketsOrder = " ORDER BY due_at, id LIMIT 50 OFFSET $3";
        const string users = "SELECT id, email, name, status, created_at FROM auth.users";
        const string messages = "SELECT id, sender_id, text, timestamp, hidden_at FROM chat.messages WHERE group_id = $1";
        const string messagesOrder = " ORDER BY timestamp DESC, id DESC LIMIT 50";
        var deep = s.DeepOffset;
        const int deepOffset = 10_000;
        Case[] cases =
        [
            new("products queue, page 1", products + productsOrder, () => [0],
                async db => (await ListQueries.ProductsQueuePageAsync(db, 0, null)).Count, 3),
            new($"products queue, offset {deepOffset:N0}", products + productsOrder, () => [deepOffset],
                async db => (await ListQueries.ProductsQueuePageAsync(db, deepOffset, null)).Count, 3),
            new("products queue + cause, page 1", products + " AND cause = $2" + productsOrder, () => [0, Cause.SustainableFashion],
                async db => (await ListQueries.ProductsQueuePageAsync(db, 0, Cause.SustainableFashion)).Count, 3),
            new($"products queue + cause, offset {deepOffset:N0}", products + " AND cause = $2" + productsOrder, () => [deepOffset, Cause.SustainableFashion],
                async db => (await ListQueries.ProductsQueuePageAsync(db, deepOffset, Cause.SustainableFashion)).Count, 3),
            new("tickets queue (hostel 1), page 1", tickets + ticketsOrder, () => [s.HostelId, open, 0],
                async db => (await ListQueries.TicketsQueuePageAsync(db, s.HostelId, 0, null)).Count, 3),
            new($"tickets queue (hostel 1), offset {deepOffset:N0}", tickets + ticketsOrder, () => [s.HostelId, open, deepOffset],
                async db => (await ListQueries.TicketsQueuePageAsync(db, s.HostelId, deepOffset, null)).Count, 3),
            new("tickets queue + category, page 1", tickets + " AND category_id = $4" + ticketsOrder, () => [s.HostelId, open, 0, s.CategoryId],
                async db => (await ListQueries.TicketsQueuePageAsync(db, s.HostelId, 0, s.CategoryId)).Count, 3),
            new($"tickets queue + category, offset {deep:N0}", tickets + " AND category_id = $4" + ticketsOrder, () => [s.HostelId, open, deep, s.CategoryId],
                async db => (await ListQueries.TicketsQueuePageAsync(db, s.HostelId, deep, s.CategoryId)).Count, 3),
            new("users, page 1", users + " ORDER BY id LIMIT 50 OFFSET $1", () => [0],
                async db => (await ListQueries.UsersPageAsync(db, 0, null)).Count, 3),
            new($"users, offset {deepOffset:N0}", users + " ORDER BY id LIMIT 50 OFFSET $1", () => [deepOffset],
                async db => (await ListQueries.UsersPageAsync(db, deepOffset, null)).Count, 3),
            new("users + status, page 1", users + " WHERE status = $2 ORDER BY id LIMIT 50 OFFSET $1", () => [0, PlatformUserStatus.Verified],
                async db => (await ListQueries.UsersPageAsync(db, 0, PlatformUserStatus.Verified)).Count, 3),
            new($"users + status, offset {deepOffset:N0}", users + " WHERE status = $2 ORDER BY id LIMIT 50 OFFSET $1", () => [deepOffset, PlatformUserStatus.Verified],
                async db => (await ListQueries.UsersPageAsync(db, deepOffset, PlatformUserStatus.Verified)).Count, 3),
            new($"messages of the big group ({s.BigGroupSize:N0}), newest page", messages + messagesOrder, () => [s.BigGroup],
                async db => (await ListQueries.MessagesPageAsync(db, s.BigGroup, null, null)).Count, 10),
            new("messages of the big group, keyset page ~1,000,000 deep", messages + " AND (timestamp, id) < ($2, $3)" + messagesOrder,
                () => [s.BigGroup, s.DeepCursor.Item1, s.DeepCursor.Item2],
                async db => (await ListQueries.MessagesPageAsync(db, s.BigGroup, s.DeepCursor, null)).Count, 10),
            new("messages of the big group + sender, newest page", messages + " AND sender_id = $2" + messagesOrder, () => [s.BigGroup, s.Sender],
                async db => (await ListQueries.MessagesPageAsync(db, s.BigGroup, null, s.Sender)).Count, 10),
            new("messages of the big group + sender, keyset ~1,000,000 deep", messages + " AND (timestamp, id) < ($3, $4) AND sender_id = $2" + messagesOrder,
                () => [s.BigGroup, s.Sender, s.DeepCursor.Item1, s.DeepCursor.Item2],
                async db => (await ListQueries.MessagesPageAsync(db, s.BigGroup, s.DeepCursor, s.Sender)).Count, 10),
        ];
        var figures = new List<Figure>();
        foreach (var c in cases)
        {
            var raw = await RawSamplesAsync(c.Sql, c.Args());
            var ef = await Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
            {
                await using var db = bench.NewDbContext();
                await c.Ef(db);
            });
            var rawFigure = Figure.From("1. lists: SQL alone (raw Npgsql, prepared, one open connection)", c.Name,
                "execute + read all rows of one 50-row page", raw, c.RawTarget);
            var efFigure = Figure.From("1. lists: through EF Core (AsNoTracking + projection)", c.Name,
                "new DbContext + pooled connection + query + materialise (the list page's server-side data time)", ef, 50, EfNote);
            var ratio = new Figure("1. lists: EF / raw ratio", c.Name, "EF p95 / raw p95 and EF median / raw median, both measured in this run", "x",
                efFigure.Median / rawFigure.Median, efFigure.P95 / rawFigure.P95, Math.Min(raw.Count, ef.Count), 1.5, EfNote);
            figures.AddRange([rawFigure, efFigure, ratio]);
            Console.WriteLine($"  {c.Name}: raw p95 {rawFigure.P95:F2} ms, EF p95 {efFigure.P95:F2} ms");
        }
        return figures;
    }

    public async Task<List<Figure>> CountsAndSearchAsync()
    {
        (string Name, string Sql, object?[] Args, double? Target, string Measures)[] cases =
        [
            ("capped count: products queue (suggestions)", "SELECT count(*) FROM (SELECT 1 FROM catalog.products WHERE publishing_status = 'suggestion' LIMIT 10001) t", [], 5, "count(*) over at most 10,001 rows, as the grid's total"),
            ("capped count: tickets queue hostel 1", "SELECT count(*) FROM (SELECT 1 FROM helpdesk.tickets WHERE hostel_id = 1 AND status = ANY($1) LIMIT 10001) t", [ListQueries.OpenStatuses], 5, "count(*) over at most 10,001 rows"),
            ("capped count: users", "SELECT count(*) FROM (SELECT 1 FROM auth.users LIMIT 10001) t", [], 5, "count(*) over at most 10,001 rows"),
            ("capped count: messages", "SELECT count(*) FROM (SELECT 1 FROM chat.messages LIMIT 10001) t", [], 5, "count(*) over at most 10,001 rows"),
            ("planner estimate: chat.messages", "SELECT reltuples::bigint FROM pg_class WHERE oid = 'chat.messages'::regclass", [], 5, "pg_class.reltuples, the 'about N' total"),
            ("planner estimate: catalog.products", "SELECT reltuples::bigint FROM pg_class WHERE oid = 'catalog.products'::regclass", [], 5, "pg_class.reltuples"),
            ("trigram search: products queue title ILIKE '%indigo jute%'", "SELECT id, title FROM catalog.products WHERE publishing_status = 'suggestion' AND title ILIKE $1 ORDER BY created_at, id LIMIT 50", ["%indigo jute%"], 50, "first 50 matches, oldest first"),
            ("trigram search: products title ILIKE '%lamp brass 99%' (rare)", "SELECT id, title FROM catalog.products WHERE title ILIKE $1 LIMIT 50", ["%lamp brass 99%"], 50, "first 50 matches"),
            ("trigram search: users email or name ILIKE '%user4242%'", "SELECT id, email, name FROM auth.users WHERE email ILIKE $1 OR name ILIKE $1 ORDER BY id LIMIT 50", ["%user4242%"], 50, "first 50 matches"),
        ];
        var figures = new List<Figure>();
        foreach (var c in cases)
        {
            var samples = await RawSamplesAsync(c.Sql, c.Args);
            figures.Add(Figure.From("2. counts and search (raw SQL, prepared)", c.Name, c.Measures, samples, c.Target));
        }
        var ef = await Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
        {
            await using var db = bench.NewDbContext();
            await ListQueries.UsersSearchAsync(db, "user4242");
        });
        figures.Add(Figure.From("2. counts and search (raw SQL, prepared)", "users search through EF Core", "ListQueries.UsersSearchAsync", ef, 50, EfNote));
        var efProducts = await Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
        {
            await using var db = bench.NewDbContext();
            await ListQueries.ProductsSearchAsync(db, "indigo jute");
        });
        figures.Add(Figure.From("2. counts and search (raw SQL, prepared)", "products queue search through EF Core", "ListQueries.ProductsSearchAsync", efProducts, 50, EfNote));
        return figures;
    }

    private async Task<List<double>> RawSamplesAsync(string sql, object?[] args)
    {
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args)
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.PrepareAsync();
        return await Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
        {
            await using var reader = await cmd.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
                reader.GetValues(values);
        });
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        foreach (var a in args)
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
