using System.Diagnostics;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.List;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// Figures 7 to 9: the chat browser's services as the circuit calls them (the app's DI registrations, one scope per
/// circuit, a signed-in moderator, a reason stated once per group), on whatever data the database holds.
/// Every sample is one service call: access verification + DbContext + query + projection.
/// </summary>
public sealed class ChatBenchmarks(BenchContext bench)
{
    public const double MessagePageTarget = 10;
    public const double ListPageTarget = 50;
    public const int ScrollPages = 40;

    private const string Messages = "7. chats: message pages (MessageQueryService, service time)";
    private const string Lists = "8. chats: group list and header (GroupQueryService, service time)";
    private const string Scroll = "9. chats: scrolling back 2,000 messages (40 OlderAsync pages into a MessageWindow)";
    private const string PageMeasures = "one 50-message page: verify the grant + new DbContext + keyset query + projection";

    public async Task<List<Figure>> RunAsync()
    {
        await using var services = ChatBenchSetup.BuildServices(bench.ConnectionString);
        await using var circuit = services.CreateAsyncScope();
        var moderator = await ChatBenchSetup.PrincipalAsync(bench.DataSource, ChatBenchSetup.ModeratorEmail);
        var shape = await ChatShape.ReadAsync(bench.DataSource);
        Console.WriteLine($"Figure 7: chat message pages, big group {shape.BigSize:N0}, small group {shape.SmallSize:N0} (load average {bench.LoadAverage()})");
        var figures = await MessagePagesAsync(circuit.ServiceProvider, moderator, shape);
        Console.WriteLine($"Figure 8: chat group list (load average {bench.LoadAverage()})");
        figures.AddRange(await GroupListAsync(circuit.ServiceProvider, moderator, shape));
        Console.WriteLine($"Figure 9: scrolling back (load average {bench.LoadAverage()})");
        figures.AddRange(await ScrollBackAsync(circuit.ServiceProvider, moderator, shape));
        return figures;
    }

    private async Task<List<Figure>> MessagePagesAsync(IServiceProvider circuit, ClaimsPrincipal moderator, ChatShape s)
    {
        var access = circuit.GetRequiredService<ChatAccess>();
        var messages = circuit.GetRequiredService<MessageQueryService>();
        var big = (await access.OpenAsync(moderator, s.Big, "benchmark: chat page timings")).Value!;
        var small = (await access.OpenAsync(moderator, s.Small, "benchmark: chat page timings")).Value!;
        var figures = new List<Figure>();
        async Task AddAsync(string name, Func<Task> call, string measures = PageMeasures, double? target = MessagePageTarget, int? samples = null)
        {
            var n = samples ?? bench.Samples;
            var times = await Stats.TimeAsync(Math.Min(bench.Warmup, n), n, call);
            var figure = Figure.From(Messages, name, measures, times, target);
            figures.Add(figure);
            Console.WriteLine($"  {name}: median {figure.Median:F2} ms, p95 {figure.P95:F2} ms");
        }
        await AddAsync($"OlderAsync big group ({s.BigSize:N0}), newest page", () => messages.OlderAsync(big, null));
        foreach (var (depth, cursor) in s.BigCursors)
            await AddAsync($"OlderAsync big group, keyset page {depth:N0} deep", () => messages.OlderAsync(big, cursor));
        await AddAsync($"OlderAsync small group ({s.SmallSize:N0}), newest page", () => messages.OlderAsync(small, null));
        await AddAsync($"OlderAsync small group, its oldest page ({s.SmallDeep.Depth:N0} deep)", () => messages.OlderAsync(small, s.SmallDeep.Cursor));
        var (deepest, deepCursor) = s.BigCursors[^1];
        await AddAsync($"NewerAsync big group, from {deepest:N0} deep", () => messages.NewerAsync(big, deepCursor));
        await AddAsync($"AroundAsync big group, a message {deepest:N0} deep", () => messages.AroundAsync(big, deepCursor.Id),
            "a 50-message window around one message (its cursor by primary key, then 25 older and 25 newer)");
        await AddAsync($"FromDateAsync big group, {deepCursor.Timestamp:yyyy-MM-dd} ({deepest:N0} deep)",
            () => messages.FromDateAsync(big, deepCursor.Timestamp.Date),
            "jump to a date: the first message on or after it, then a 50-message window");
        var searchSamples = Math.Min(bench.Samples, 30);
        foreach (var (term, what) in new[] { ("jute", "a common word"), ("jute brass", "a phrase in 1 of 144 messages"), ("saffron", "a word in no message") })
            await AddAsync($"SearchAsync big group, '{term}' ({what})", () => messages.SearchAsync(big, term),
                "the newest 20 hits of a text search inside the group, with the sender's name", ListPageTarget, searchSamples);
        await AddAsync($"SearchAsync small group, 'saffron' (a word in no message)", () => messages.SearchAsync(small, "saffron"),
            "the newest 20 hits of a text search inside the group, with the sender's name", ListPageTarget, searchSamples);
        // where a page's time goes: the parts of one call, measured alone
        var actors = circuit.GetRequiredService<ActorResolver>();
        var dbFactory = circuit.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await AddAsync("part: ChatAccess.VerifyAsync", () => access.VerifyAsync(big),
            $"the grant check; the roles are read again only after ChatAccess.VerifiedFor ({ChatAccess.VerifiedFor.TotalSeconds:0} s)", null);
        await AddAsync("part: ActorResolver.ResolveAsync (the roles read)", () => actors.ResolveAsync(moderator),
            "new DbContext + the user's roles query: what every page paid before the verified roles were kept", null);
        await AddAsync("part: new DbContext + SELECT 1", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync();
        }, "one round trip through EF Core: the floor of any call that queries", null);
        return figures;
    }

    private async Task<List<Figure>> GroupListAsync(IServiceProvider circuit, ClaimsPrincipal moderator, ChatShape s)
    {
        var groups = circuit.GetRequiredService<GroupQueryService>();
        // pages are 1-based and stop at the depth cap (decision 0008), as on ChatsPage
        var lastPage = Math.Clamp((s.GroupCount + ChatListQuery.PageSize - 1) / ChatListQuery.PageSize, 1, ChatListQuery.LastPage);
        var activeFrom = DateOnly.FromDateTime(s.ActiveFrom);
        (string Name, ChatListQuery Query)[] cases =
        [
            ("list, page 1", new ChatListQuery()),
            ($"list, last page ({lastPage:N0})", new ChatListQuery(Page: lastPage)),
            ($"list + product {s.ProductId}", new ChatListQuery(ProductId: s.ProductId)),
            ($"list + member {s.MemberId} ({s.MemberGroups:N0} groups)", new ChatListQuery(MemberId: s.MemberId)),
            ("list + type private", new ChatListQuery(Type: ConversationType.Private)),
            ("list + type private, page 20", new ChatListQuery(Type: ConversationType.Private, Page: 20)),
            ($"list + last activity {s.ActiveFrom:yyyy-MM-dd}..{s.ActiveFrom.AddDays(6):yyyy-MM-dd}",
                new ChatListQuery(ActiveFrom: activeFrom, ActiveTo: activeFrom.AddDays(6))),
            ("list + name search 'group 12'", new ChatListQuery(Search: "group 12")),
            ("list + name search 'group 19999' (one match)", new ChatListQuery(Search: "group 19999")),
        ];
        var figures = new List<Figure>();
        foreach (var c in cases)
        {
            var times = await Stats.TimeAsync(bench.Warmup, bench.Samples, () => groups.ListAsync(moderator, c.Query));
            figures.Add(Figure.From(Lists, c.Name, $"ListAsync: role check + total count + one {ChatListQuery.PageSize}-row page with last message, capped message count", times, ListPageTarget));
            Console.WriteLine($"  {c.Name}: p95 {figures[^1].P95:F2} ms");
        }
        var headers = circuit.GetRequiredService<ChatGroupQueryService>();
        var header = await Stats.TimeAsync(bench.Warmup, bench.Samples, () => headers.HeaderAsync(moderator, s.Big));
        figures.Add(Figure.From(Lists, "header of the big group (members, product card)", "HeaderAsync: role check + group + product card + members", header, ListPageTarget));
        return figures;
    }

    private async Task<List<Figure>> ScrollBackAsync(IServiceProvider circuit, ClaimsPrincipal moderator, ChatShape s)
    {
        var grant = (await circuit.GetRequiredService<ChatAccess>().OpenAsync(moderator, s.Big, "benchmark: chat page timings")).Value!;
        var messages = circuit.GetRequiredService<MessageQueryService>();
        var perPage = new List<double>();
        var totals = new List<double>();
        var retained = new List<double>();
        var runs = Math.Max(1, Math.Min(bench.Samples, 10));
        for (var run = -1; run < runs; run++)   // run -1 warms up
        {
            var window = new MessageWindow();
            var newest = await messages.OlderAsync(grant, null);
            window.Reset(newest.Messages, newest.HasMore, hasNewer: false);
            var pages = new List<double>();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < ScrollPages && window.Oldest is { } oldest; i++)
            {
                var t = Stopwatch.GetTimestamp();
                window.PrependOlder(await messages.OlderAsync(grant, oldest));
                pages.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            if (run < 0)
                continue;
            totals.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            perPage.AddRange(pages);
            retained.Add(window.Messages.Count);
        }
        return
        [
            Figure.From(Scroll, "total for 40 pages (2,000 messages)", "40 successive OlderAsync calls from the newest page, each prepended to the window", totals),
            Figure.From(Scroll, "per page while scrolling", "one OlderAsync call + MessageWindow.PrependOlder", perPage, MessagePageTarget),
            Figure.From(Scroll, "messages the window keeps after the scroll", $"MessageWindow.Messages.Count (cap {MessageWindow.DefaultMaxSize}) after 2,050 loaded",
                retained, MessageWindow.DefaultMaxSize, unit: "messages"),
        ];
    }
}

/// <summary>What the chat figures start from, read from the data once.</summary>
internal sealed record ChatShape(Guid Big, long BigSize, IReadOnlyList<(long Depth, MessageCursor Cursor)> BigCursors,
    Guid Small, long SmallSize, (long Depth, MessageCursor Cursor) SmallDeep,
    int GroupCount, string ProductId, int MemberId, long MemberGroups, DateTime ActiveFrom)
{
    public static async Task<ChatShape> ReadAsync(NpgsqlDataSource data)
    {
        await using var conn = await data.OpenConnectionAsync();
        var sizes = new List<(Guid Group, long Size)>();
        await using (var cmd = new NpgsqlCommand("SELECT group_id, count(*) FROM chat.messages GROUP BY group_id", conn) { CommandTimeout = 300 })
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                sizes.Add((reader.GetGuid(0), reader.GetInt64(1)));
        var big = sizes.MaxBy(g => g.Size);
        var small = sizes.Where(g => g.Group != big.Group).DefaultIfEmpty(big).MinBy(g => Math.Abs(g.Size - 1000));
        var cursors = new List<(long, MessageCursor)>();
        foreach (var depth in new long[] { 10_000, 100_000, 1_000_000 }.Select(d => Math.Min(d, big.Size * 9 / 10)).Distinct())
            cursors.Add((depth, await CursorAsync(conn, big.Group, depth)));
        var smallDepth = Math.Max(0, small.Size - 40);
        var groupCount = (int)await ChatBenchSetup.ScalarAsync<long>(conn, "SELECT count(*) FROM chat.groups");
        var product = await ChatBenchSetup.ScalarAsync<string>(conn,
            "SELECT product_id FROM chat.groups WHERE product_id IS NOT NULL ORDER BY id OFFSET $1 LIMIT 1", groupCount / 2);
        await using var members = new NpgsqlCommand(
            "SELECT m, count(*) FROM chat.groups, unnest(members) m GROUP BY m ORDER BY count(*) DESC LIMIT 1", conn);
        await using var mr = await members.ExecuteReaderAsync();
        await mr.ReadAsync();
        var (member, memberGroups) = (mr.GetInt32(0), mr.GetInt64(1));
        await mr.CloseAsync();
        var activeFrom = await ChatBenchSetup.ScalarAsync<DateTime>(conn,
            "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY last_message_at) FROM chat.groups");
        return new ChatShape(big.Group, big.Size, cursors, small.Group, small.Size, (smallDepth, await CursorAsync(conn, small.Group, smallDepth)),
            groupCount, product, member, memberGroups, DateTime.SpecifyKind(activeFrom.Date.AddDays(-3), DateTimeKind.Utc));
    }

    private static async Task<MessageCursor> CursorAsync(NpgsqlConnection conn, Guid group, long depth)
    {
        var (timestamp, id) = await ChatBenchSetup.AtDepthAsync(conn, group, depth);
        return new MessageCursor(timestamp, id);
    }
}
