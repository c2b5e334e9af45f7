using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Tickets.Queue;

public sealed class TicketQueueStateTests
{
    private static TicketRow Row(int id) =>
        new(id, $"Ticket {id}", TicketStatus.Open, "Maintenance", null, "Neeladri", null, null, 0, null, null, DateTime.UtcNow, 1);

    private static TicketQueuePage PageOf(params int[] ids) => new(ids.Select(Row).ToList(), ids.Length, false, 1, 25);

    private static TicketQueueState Loaded(params int[] ids)
    {
        var state = new TicketQueueState();
        state.Navigate(new TicketQueueQuery());
        state.Loaded(PageOf(ids));
        return state;
    }

    [Fact]
    public void The_same_query_again_does_not_read_the_page_again()
    {
        var state = new TicketQueueState();

        Assert.True(state.Navigate(TicketQueueQuery.FromQueryString("status=all")));
        Assert.True(state.Loading);
        Assert.False(state.Navigate(TicketQueueQuery.FromQueryString("?status=all")));
        Assert.True(state.Navigate(TicketQueueQuery.FromQueryString("status=all&page=2")));
    }

    [Fact]
    public void Selection_keeps_the_rows_still_on_the_page_after_a_read()
    {
        var state = Loaded(1, 2, 3);
        state.Toggle(1);
        state.Toggle(3);
        state.Toggle(42);   // not on the page: ignored

        state.Loaded(PageOf(3, 4));

        Assert.False(state.IsSelected(1));
        Assert.True(state.IsSelected(3));
        Assert.Equal(1, state.SelectedCount);
        Assert.Equal([new TicketRef(3, "Ticket 3")], state.SelectedTickets);
    }

    [Fact]
    public void Select_all_toggles_every_row_of_the_page()
    {
        var state = Loaded(1, 2);

        state.ToggleAll();
        Assert.True(state.AllSelected);
        state.Toggle(2);
        Assert.False(state.AllSelected);
        state.ToggleAll();
        Assert.Equal(2, state.SelectedCount);
        state.ToggleAll();
        Assert.Equal(0, state.SelectedCount);
    }

    [Fact]
    public void A_row_changed_by_someone_refreshes_and_is_counted_when_it_leaves_the_view()
    {
        var state = Loaded(1, 2, 3);

        Assert.True(state.NoteChange("2"));
        Assert.True(state.NoteChange("3"));
        Assert.False(state.NoteChange("99"));   // not on this page
        Assert.False(state.NoteChange("x"));
        Assert.True(state.IsRefreshing(2));

        state.Loaded(PageOf(1, 3));

        Assert.Equal(1, state.LeftCount);
        Assert.False(state.IsRefreshing(3));
    }

    [Fact]
    public void A_bulk_summary_clears_the_selection_and_reads_as_one_outcome()
    {
        var state = Loaded(1, 2, 3);
        state.ToggleAll();

        var outcome = state.BulkFinished(new BulkSummary(2, [new BulkSkip("3", "Ticket 3", "Already closed")]), "updated");

        Assert.Equal(0, state.SelectedCount);
        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal("2 updated; 1 not", outcome.Message);
        Assert.Equal("Already closed", state.LastBulk!.Skipped[0].Reason);
        Assert.Equal(OutcomeKind.Refused, new BulkSummary(0, [new BulkSkip("1", "T", "No")]).Describe("assigned").Kind);
    }

    [Fact]
    public void Filters_and_sorting_go_back_to_the_first_page_and_the_pager_keeps_the_filters()
    {
        var state = new TicketQueueState();
        state.Navigate(TicketQueueQuery.FromQueryString("hostel=2&page=5"));

        Assert.Equal(1, state.Filtered(state.Query with { Overdue = true }).Page);
        Assert.Equal((2, 7), (state.OnPage(7).HostelId!.Value, state.OnPage(7).Page));
        var sorted = state.SortBy(TicketSort.Due, TicketSort.DueDesc);
        Assert.Equal((TicketSort.DueDesc, 1), (sorted.Sort, sorted.Page));
        Assert.Equal(TicketSort.CreatedDesc, state.SortBy(TicketSort.CreatedDesc, TicketSort.Created).Sort);
        Assert.True(state.SortedBy(TicketSort.Due, TicketSort.DueDesc));
    }

    [Fact]
    public void A_saved_view_is_current_whatever_the_page_and_saving_closes_only_on_success()
    {
        var state = new TicketQueueState();
        state.Navigate(TicketQueueQuery.FromQueryString("assignee=me&page=3"));
        state.SavingView = true;
        state.ViewName = "Mine";

        Assert.True(state.IsCurrent(new SavedViewItem(1, "Mine", "assignee=me", true)));
        Assert.False(state.IsCurrent(new SavedViewItem(2, "All", "status=all", false)));

        state.ViewSaved(Outcome.Refused("You already have a view of that name.", SavedViews.NameField));
        Assert.Equal(("You already have a view of that name.", true), (state.ViewNameError, state.SavingView));
        state.ViewSaved(Outcome.Done("View saved"));
        Assert.Equal((null, false, null), (state.ViewNameError, state.SavingView, state.ViewName));
    }

    [Fact]
    public void The_count_says_loading_then_the_range()
    {
        var state = new TicketQueueState();
        state.Navigate(new TicketQueueQuery());
        Assert.Equal("Loading…", state.CountText);

        state.Loaded(new TicketQueuePage([Row(1), Row(2)], 27, true, 2, 25));
        Assert.Equal("26–27 of more", state.CountText);
        state.Loaded(PageOf());
        Assert.Equal("No tickets", state.CountText);
    }
}
