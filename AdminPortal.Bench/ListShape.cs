using AdminPortal.Features.Tickets;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// The filter values the list figures use, taken from the data: the big group and a cursor ~1,000,000 messages deep,
/// hostel 1's busiest category and subcategory, the vendor with most suggestions, the last month of submissions.
/// </summary>
public sealed record ListShape(Guid BigGroup, long BigGroupSize, DateTime DeepTimestamp, Guid DeepId, int HostelId,
    int CategoryId, int SubcategoryId, int CategoryDeepOffset, int VendorId, DateTime ProductsLatest, DateTime TicketsLatest)
{
    public static async Task<ListShape> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        var big = await ScalarAsync<Guid>(conn, "SELECT group_id FROM chat.messages GROUP BY group_id ORDER BY count(*) DESC LIMIT 1");
        var size = await ScalarAsync<long>(conn, "SELECT count(*) FROM chat.messages WHERE group_id = $1", big);
        var depth = (int)Math.Min(1_000_000, size * 9 / 10);
        var deepTimestamp = await ScalarAsync<DateTime>(conn,
            "SELECT timestamp FROM chat.messages WHERE group_id = $1 ORDER BY timestamp DESC, id DESC OFFSET $2 LIMIT 1", big, depth);
        var deepId = await ScalarAsync<Guid>(conn,
            "SELECT id FROM chat.messages WHERE group_id = $1 ORDER BY timestamp DESC, id DESC OFFSET $2 LIMIT 1", big, depth);
        const int hostel = 1;
        var active = TicketStatuses.Active.ToArray();
        var category = await ScalarAsync<int>(conn,
            "SELECT category_id FROM helpdesk.tickets WHERE hostel_id = $1 AND category_id IS NOT NULL GROUP BY category_id ORDER BY count(*) DESC LIMIT 1", hostel);
        var subcategory = await ScalarAsync<int>(conn,
            "SELECT subcategory_id FROM helpdesk.tickets WHERE hostel_id = $1 AND subcategory_id IS NOT NULL GROUP BY subcategory_id ORDER BY count(*) DESC LIMIT 1", hostel);
        var inCategory = await ScalarAsync<long>(conn,
            "SELECT count(*) FROM (SELECT 1 FROM helpdesk.tickets WHERE hostel_id = $1 AND category_id = $2 AND status = ANY($3) LIMIT 100000) t",
            hostel, category, active);
        var vendor = await ScalarAsync<int>(conn,
            "SELECT vendor_id FROM catalog.products WHERE publishing_status = 'suggestion' GROUP BY vendor_id ORDER BY count(*) DESC LIMIT 1");
        var productsLatest = await ScalarAsync<DateTime>(conn, "SELECT max(created_at) FROM catalog.products WHERE publishing_status = 'suggestion'");
        var ticketsLatest = await ScalarAsync<DateTime>(conn, "SELECT max(created_at) FROM helpdesk.tickets");
        var categoryDeep = (int)Math.Min(ListCases.DeepOffset, inCategory / 2) / 50 * 50;
        return new ListShape(big, size, deepTimestamp, deepId, hostel, category, subcategory, categoryDeep, vendor,
            productsLatest, ticketsLatest);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        foreach (var a in args)
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
