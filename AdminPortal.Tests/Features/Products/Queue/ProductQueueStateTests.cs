using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Products.Queue;

/// <summary>The queue between reads: selection, "all N matching", the cursor, keys, rows leaving, bulk outcomes.</summary>
public sealed class ProductQueueStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ProductRow Row(int i, PublishingStatus status = PublishingStatus.Suggestion) =>
        new($"p{i}", $"Product {i}", Cause.GriefCare, 1, "Anu Crafts", 1000, 800, status, T0.AddHours(i), null, (uint)i);

    private static ProductQueueState Showing(int rows, long total = -1, ProductQueueQuery? query = null)
    {
        var state = new ProductQueueState();
        state.Show(query ?? ProductQueueQuery.Default);
        state.ShowPage(new ProductPage(Enumerable.Range(0, rows).Select(i => Row(i)).ToList(),
            new CountEstimate(total < 0 ? rows : total, CountKind.Exact)));
        return state;
    }

    private static ChangeEvent Approved(string id) => new(EntityTypes.Product, id, ProductEvents.Action(ModerationAction.Approve));

    [Fact]
    public void Selecting_the_whole_page_offers_all_matching_and_the_bulk_decision_then_covers_the_view()
    {
        var state = Showing(3, total: 40);

        state.SelectPage(true);
        Assert.True(state.AllOnPageSelected);
        Assert.True(state.CanSelectAllMatching);
        Assert.Equal("3 selected", state.SelectionText);
        var chosen = state.Bulk(ModerationAction.Approve, null);
        Assert.Equal(["p0", "p1", "p2"], chosen.ProductIds!.Order());
        Assert.Null(chosen.AllMatching);

        state.SelectAllMatching();
        Assert.Equal("All 40 matching this filter selected", state.SelectionText);
        Assert.False(state.CanSelectAllMatching);
        var all = state.Bulk(ModerationAction.Reject, "Prohibited item");
        Assert.Null(all.ProductIds);
        Assert.Equal(state.Query, all.AllMatching);

        state.Toggle("p1", false);   // unticking a row is no longer "all matching"
        Assert.False(state.AllMatching);
        Assert.Equal("2 selected", state.SelectionText);
    }

    [Fact]
    public void All_matching_is_not_offered_when_the_page_holds_the_whole_view_or_outside_suggestions()
    {
        var whole = Showing(3);
        whole.SelectPage(true);
        Assert.False(whole.CanSelectAllMatching);

        var published = Showing(3, query: ProductQueueQuery.Default with { Status = PublishingStatus.Published });
        published.SelectPage(true);
        Assert.False(published.Selectable);
        Assert.False(published.HasSelection);
    }

    [Fact]
    public void A_row_leaving_on_an_event_drops_its_selection_and_the_cursor_stays_on_the_list()
    {
        var state = Showing(3);
        state.OnKey("j");
        state.OnKey("j");
        state.Toggle("p2", true);
        Assert.Equal("p2", state.CursorRow!.Id);

        Assert.True(state.RowLeaves(Approved("p2")));

        Assert.Equal(["p0", "p1"], state.Page!.Rows.Select(r => r.Id));
        Assert.Equal(1, state.Cursor);
        Assert.Equal("p1", state.CursorRow!.Id);
        Assert.Empty(state.Selected);

        Assert.True(state.RowLeaves(Approved("p0")));
        Assert.True(state.RowLeaves(Approved("p1")));
        Assert.Equal(0, state.Cursor);
        Assert.Null(state.CursorRow);
    }

    [Fact]
    public void Only_a_decision_that_moves_a_row_out_of_this_tab_removes_it()
    {
        var all = Showing(2, query: ProductQueueQuery.Default with { Status = null });
        Assert.False(all.RowLeaves(Approved("p0")));

        var queue = Showing(2);
        Assert.False(queue.RowLeaves(Approved("elsewhere")));
        Assert.False(queue.RowLeaves(new ChangeEvent(EntityTypes.Product, "p0", ChangeActions.Updated)));
        Assert.Equal(2, queue.Page!.Rows.Count);
    }

    [Fact]
    public void A_new_page_keeps_the_cursor_on_it_and_only_the_selection_still_shown()
    {
        var state = Showing(5);
        for (var i = 0; i < 4; i++)
            state.OnKey("j");
        state.Toggle("p1", true);
        state.Toggle("p4", true);

        state.ShowPage(new ProductPage([Row(0), Row(1)], new CountEstimate(2, CountKind.Exact)));

        Assert.Equal(1, state.Cursor);
        Assert.Equal(["p1"], state.Selected);
    }

    [Fact]
    public void Keys_move_select_open_and_ask_for_decisions_on_the_highlighted_row()
    {
        var state = Showing(2);

        Assert.Equal(QueueKeyAction.Render, state.OnKey("k").Action);
        Assert.Equal(0, state.Cursor);
        state.OnKey("j");
        state.OnKey("j");
        Assert.Equal(1, state.Cursor);   // the last row is as far as j goes

        state.OnKey("x");
        Assert.Equal(["p1"], state.Selected);
        state.OnKey("x");
        Assert.Empty(state.Selected);

        Assert.Equal((QueueKeyAction.Open, "p1"), Id(state.OnKey("o")));
        Assert.Equal((QueueKeyAction.Approve, "p1"), Id(state.OnKey("a")));
        Assert.Equal((QueueKeyAction.Reject, "p1"), Id(state.OnKey("r")));

        state.OnKey("?");
        Assert.True(state.HelpOpen);
        state.OnKey("Escape");
        Assert.False(state.HelpOpen);
        Assert.Equal(QueueKeyAction.None, state.OnKey("z").Action);
    }

    private static (QueueKeyAction, string?) Id((QueueKeyAction Action, ProductRow? Row) key) => (key.Action, key.Row?.Id);

    [Fact]
    public void Approve_and_reject_keys_do_nothing_outside_suggestions_and_on_an_empty_page()
    {
        var state = new ProductQueueState();
        state.Show(ProductQueueQuery.Default with { Status = null });
        state.ShowPage(new ProductPage([Row(0, PublishingStatus.Published)], new CountEstimate(1, CountKind.Exact)));
        Assert.Equal(QueueKeyAction.None, state.OnKey("a").Action);
        Assert.Equal(QueueKeyAction.None, state.OnKey("r").Action);
        Assert.Equal(QueueKeyAction.None, state.OnKey("x").Action);   // nothing is selectable on "all"

        var empty = Showing(0);
        Assert.Equal(QueueKeyAction.Render, empty.OnKey("j").Action);
        Assert.Equal(0, empty.Cursor);
        Assert.Equal(QueueKeyAction.None, empty.OnKey("o").Action);
    }

    [Fact]
    public void A_bulk_outcome_says_what_was_done_and_skipped_and_clears_the_selection()
    {
        var state = Showing(5);
        state.SelectPage(true);
        var summary = new BulkSummary(3, [new BulkSkip("p1", "Product 1", "Milan Moderator approved this product."),
            new BulkSkip("p3", "Product 3", "now rejected.")], Capped: false);
        var outcome = Outcome<BulkSummary>.Done(summary, ProductModeration.BulkText(ModerationAction.Approve, summary));

        state.Gate.Show(outcome);
        Assert.True(state.AfterAction(outcome));

        Assert.Equal("Approved 3 products. Skipped 2: someone else decided them first.", state.Gate.Last!.Message);
        Assert.Equal(["p1", "p3"], state.Skipped.Select(s => s.Id));
        Assert.False(state.HasSelection);
    }

    [Fact]
    public void Bulk_text_names_one_product_and_the_cap()
    {
        Assert.Equal("Rejected 1 product. Skipped 1: someone else decided it first. Stopped at 10,000; run it again for the rest.",
            ProductModeration.BulkText(ModerationAction.Reject, new BulkSummary(1, [new BulkSkip("p", "P", "x")], Capped: true)));
        Assert.Equal(7, new BulkSummary(0, [], SkippedTotal: 7).SkippedCount);
    }

    [Fact]
    public void A_refused_bulk_keeps_the_selection_and_a_single_decision_never_clears_it()
    {
        var state = Showing(3);
        state.SelectPage(true);

        Assert.True(state.AfterAction(Outcome<BulkSummary>.Failed(Outcome.Refused("Give a reason.", "Reason"))));
        Assert.Equal(3, state.Selected.Count);
        Assert.True(state.AfterAction(Outcome.Done("Approved: Product 0.")));
        Assert.Equal(3, state.Selected.Count);
        Assert.False(state.AfterAction(null));   // another action was running: nothing to read again
    }

    [Fact]
    public void A_rejection_asks_for_a_reason_with_the_services_rules_and_refuses_none()
    {
        var state = Showing(3, total: 40);
        state.SelectAllMatching();

        var request = state.RejectRequest(null);
        Assert.Equal("Reject all 40 matching", request.Title);
        Assert.Same(ProductModeration.RejectReason, request.Rules);
        Assert.Equal("Reject “Product 2”", state.RejectRequest(Row(2)).Title);

        Assert.StartsWith("A rejection needs a reason", request.Rules.Problem(null), StringComparison.Ordinal);
        Assert.StartsWith("A rejection needs a reason", request.Rules.Problem("  "), StringComparison.Ordinal);
        Assert.NotNull(request.Rules.Problem(new string('x', ProductModeration.MaxReasonLength + 1)));
        Assert.Null(request.Rules.Problem("Prohibited item"));
        Assert.Equal("Photos are blurry or missing; lid cracked",
            request.Rules.Combine(["Photos are blurry or missing"], " lid cracked "));
    }

    [Fact]
    public void A_change_of_filters_drops_the_selection_and_recounts_the_tabs_a_change_of_page_does_not()
    {
        var state = Showing(3);
        state.Toggle("p0", true);
        state.OnKey("j");

        Assert.Equal(QueueRead.None, state.Show(ProductQueueQuery.Default));
        Assert.Equal(QueueRead.PageAndCounts, state.Show(ProductQueueQuery.Default with { Page = 2 }));   // no counts read yet
        Assert.Equal(["p0"], state.Selected);
        Assert.Equal(0, state.Cursor);

        Assert.Equal(QueueRead.PageAndCounts, state.Show(ProductQueueQuery.Default with { Cause = Cause.GriefCare }));
        Assert.Empty(state.Selected);
    }

    [Fact]
    public async Task Loading_reads_rows_then_counts_and_a_refused_read_marks_the_screen_denied()
    {
        var state = new ProductQueueState();
        state.Show(ProductQueueQuery.Default);
        var order = new List<string>();
        var counts = new Dictionary<string, CountEstimate> { ["suggestion"] = new(1, CountKind.Exact) };

        await state.LoadAsync((_, _) => { order.Add("rows"); return Task.FromResult(new ProductPage([Row(0)], new(1, CountKind.Exact))); },
            (_, _) => { order.Add("counts"); return Task.FromResult<IReadOnlyDictionary<string, CountEstimate>>(counts); },
            () => order.Add("shown"));

        Assert.Equal(["rows", "shown", "counts"], order);
        Assert.Equal("1", state.CountText(PublishingStatus.Suggestion));
        Assert.Equal("…", state.CountText(PublishingStatus.Draft));
        Assert.False(state.Loading);

        await state.LoadAsync((_, _) => throw new AccessDeniedException("no"), null);
        Assert.True(state.Gate.Denied);
    }

    [Fact]
    public async Task A_newer_read_cancels_the_one_still_running()
    {
        var state = new ProductQueueState();
        state.Show(ProductQueueQuery.Default);
        var slow = state.LoadAsync(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return new ProductPage([], new(0, CountKind.Exact)); }, null);

        await state.LoadAsync((_, _) => Task.FromResult(new ProductPage([Row(9)], new(1, CountKind.Exact))), null);
        await slow;

        Assert.Equal(["p9"], state.Page!.Rows.Select(r => r.Id));
        Assert.False(state.Loading);
    }

    [Fact]
    public async Task The_view_reread_after_a_change_shows_rows_and_counts_at_once_and_a_load_begun_before_it_never_lands()
    {
        var state = Showing(2);
        var before = new TaskCompletionSource<ProductPage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = state.LoadAsync((_, ct) => before.Task.WaitAsync(ct), null);
        var counts = new Dictionary<string, CountEstimate> { [ProductQueueQuery.StatusKey(PublishingStatus.Suggestion)] = new(1, CountKind.Exact) };

        state.ShowFresh(new ProductPage([Row(1)], new(1, CountKind.Exact)), counts);
        before.SetResult(new ProductPage([Row(0), Row(1)], new(2, CountKind.Exact)));
        await stale;

        Assert.Equal(["p1"], state.Page!.Rows.Select(r => r.Id));
        Assert.Equal("1", state.CountText(PublishingStatus.Suggestion));
        Assert.False(state.Loading);
    }

    [Fact]
    public void The_prerender_snapshot_is_used_only_for_the_same_view()
    {
        var prerendered = Showing(2).Snapshot();
        var other = new ProductQueueState();
        other.Show(ProductQueueQuery.Default with { Page = 2 });
        Assert.False(other.Restore(prerendered));

        var same = new ProductQueueState();
        same.Show(ProductQueueQuery.Default);
        Assert.True(same.Restore(prerendered));
        Assert.Equal(2, same.Page!.Rows.Count);
        Assert.False(same.Restore(prerendered));   // once only: the live feed keeps it current from there
    }
}
