using System.Text.Json;
using AdminPortal.Components.Shared;
using AdminPortal.Security;

namespace AdminPortal.Tests.Components.Shared;

public sealed class ListReadsTests
{
    private sealed record Query(string Q, int Page);
    private sealed record Rows(IReadOnlyList<string> Items);
    private sealed record Counts(int Total);

    private static ListReads<Query, Rows, Counts> New() => new(new Query("", 1), q => $"?q={q.Q}&page={q.Page}");

    [Fact]
    public async Task A_view_is_read_once_and_a_new_view_again()
    {
        var reads = New();
        var calls = 0;
        Task<Rows> Read(Query q, CancellationToken _) { calls++; return Task.FromResult(new Rows([q.Q])); }

        Assert.True(reads.Show(new Query("tea", 1)));
        await reads.LoadAsync(Read);
        Assert.False(reads.Show(new Query("tea", 1)));
        Assert.True(reads.Show(new Query("tea", 2)));
        await reads.LoadAsync(Read);
        Assert.Equal(2, calls);
        Assert.Equal(["tea"], reads.Page!.Items);
        Assert.False(reads.Loading);
    }

    [Fact]
    public async Task A_read_while_the_database_is_out_of_reach_keeps_the_rows_shown_and_marks_the_gate()
    {
        var reads = New();
        reads.Show(new Query("tea", 1));
        await reads.LoadAsync((q, _) => Task.FromResult(new Rows([q.Q])));

        await reads.LoadAsync((_, _) => throw new Npgsql.NpgsqlException("Exception while reading from stream"),
            (_, _) => Task.FromResult(new Counts(1)));

        Assert.Equal(["tea"], reads.Page!.Items);   // what was shown stays; the banner says why
        Assert.True(reads.Gate.Unavailable);
        Assert.False(reads.Gate.Denied);
        Assert.False(reads.Loading);
        Assert.Null(reads.Counts);                  // the counts were not read after the failed rows
        await reads.LoadAsync((q, _) => Task.FromResult(new Rows([q.Q, "again"])));
        Assert.False(reads.Gate.Unavailable);
    }

    [Fact]
    public async Task The_rows_show_before_the_counts_are_read()
    {
        var reads = New();
        var countsGate = new TaskCompletionSource<Counts>();
        Rows? shownWhenRowsShown = null;
        reads.Show(new Query("x", 1));
        var load = reads.LoadAsync((_, _) => Task.FromResult(new Rows(["a"])), (_, _) => countsGate.Task,
            () => shownWhenRowsShown = reads.Page);
        Assert.NotNull(shownWhenRowsShown);
        Assert.Null(reads.Counts);
        countsGate.SetResult(new Counts(7));
        await load;
        Assert.Equal(7, reads.Counts!.Total);
    }

    [Fact]
    public async Task A_newer_view_cancels_the_read_in_flight_and_its_rows_never_show()
    {
        var reads = New();
        var slow = new TaskCompletionSource<Rows>();
        reads.Show(new Query("old", 1));
        var first = reads.LoadAsync(async (_, ct) => { await using (ct.Register(() => slow.TrySetCanceled(ct))) return await slow.Task; });
        reads.Show(new Query("new", 1));
        await reads.LoadAsync((_, _) => Task.FromResult(new Rows(["new"])));
        await first;
        Assert.Equal(["new"], reads.Page!.Items);
        Assert.False(reads.Loading);
    }

    [Fact]
    public async Task A_refused_read_marks_the_screen_denied_and_keeps_what_was_shown()
    {
        var reads = New();
        reads.Show(new Query("a", 1));
        await reads.LoadAsync((_, _) => Task.FromResult(new Rows(["a"])));
        reads.Show(new Query("b", 1));
        await reads.LoadAsync((_, _) => throw new AccessDeniedException("no"));
        Assert.True(reads.Gate.Denied);
        Assert.Equal(["a"], reads.Page!.Items);
    }

    [Fact]
    public async Task The_prerenders_snapshot_survives_json_and_is_taken_only_by_its_own_view()
    {
        var prerender = New();
        prerender.Show(new Query("tea", 2));
        await prerender.LoadAsync((_, _) => Task.FromResult(new Rows(["r1", "r2"])), (_, _) => Task.FromResult(new Counts(2)));
        var json = JsonSerializer.Serialize(prerender.Snapshot());
        var snapshot = JsonSerializer.Deserialize<ListSnapshot<Rows, Counts>>(json);

        var other = New();
        other.Show(new Query("tea", 3));
        Assert.False(other.Restore(snapshot));
        Assert.Null(other.Page);

        var interactive = New();
        interactive.Show(new Query("tea", 2));
        Assert.True(interactive.Restore(snapshot));
        Assert.Equal(["r1", "r2"], interactive.Page!.Items);
        Assert.Equal(2, interactive.Counts!.Total);
        Assert.False(interactive.Restore(snapshot));   // once rows are shown, a snapshot never replaces them
    }
}
