using AdminPortal.Features.Chats.Group;

namespace AdminPortal.Tests.Features.Chats.Group;

public sealed class MessageSearchStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static MessageHit Hit(int i) => new(Guid.NewGuid(), T0.AddMinutes(i), "Asha", $"saffron {i}");

    [Fact]
    public async Task A_search_goes_back_step_by_step_from_where_the_last_step_stopped()
    {
        var asked = new List<(string Term, MessageCursor? From)>();
        var edge = new MessageCursor(T0, Guid.NewGuid());
        var steps = new Queue<MessageSearchPage>([
            new MessageSearchPage([Hit(9), Hit(8)], edge, T0),
            new MessageSearchPage([Hit(1)], null, null),
        ]);
        var search = new MessageSearchState((term, from) => { asked.Add((term, from)); return Task.FromResult(steps.Dequeue()); });

        await search.SearchAsync("  saffron ");
        Assert.Equal(("saffron", 2, edge, T0), (search.Searched, search.Hits.Count, search.Next, search.SearchedBackTo));

        await search.SearchOlderAsync();
        Assert.Equal(["saffron 9", "saffron 8", "saffron 1"], search.Hits.Select(h => h.Text));
        Assert.Null(search.Next);
        await search.SearchOlderAsync();   // reached the first message: nothing more to ask
        Assert.Equal([("saffron", null), ("saffron", edge)], asked);
    }

    [Fact]
    public async Task A_term_too_short_is_not_searched_and_closing_forgets_the_hits()
    {
        var calls = 0;
        var search = new MessageSearchState((_, _) => { calls++; return Task.FromResult(new MessageSearchPage([Hit(1)], null, null)); });

        await search.SearchAsync(" a ");
        await search.SearchAsync(null);
        Assert.Equal((0, null), (calls, search.Searched));

        await search.SearchAsync("scarf");
        await search.SearchAsync("scarf");   // a new search starts over
        Assert.Equal((2, 1), (calls, search.Hits.Count));
        search.Close();
        Assert.Equal((null, 0), (search.Searched, search.Hits.Count));
    }
}
