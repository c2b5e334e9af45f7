using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.TicketScreen;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Tickets.TicketScreen;

public sealed class TicketStateTests
{
    private const int Viewer = 7;

    private static TicketDetails Details(TicketStatus status = TicketStatus.InProgress) => new(
        12, "Tap leaking", null, status, 3, 1, "Maintenance", null, null, 1, "Neeladri", null, null, null, 0, null,
        DateTime.UtcNow.AddHours(4), null, DateTime.UtcNow, DateTime.UtcNow, null, null, [], [], []);

    private static TicketState Open(TicketStatus status = TicketStatus.InProgress)
    {
        var state = new TicketState(Viewer);
        state.Loaded(Details(status));
        return state;
    }

    private static async Task<Outcome?> RunAsync(TicketState state, TicketForm form, Outcome outcome)
    {
        state.Submitting(form);
        var result = await state.Gate.RunAsync(() => Task.FromResult(outcome));
        state.Finished(form, result);
        return result;
    }

    [Theory]
    [InlineData(TicketFields.Comment)]
    [InlineData(TicketFields.Assignee)]
    [InlineData(TicketFields.Status)]
    [InlineData(TicketFields.Note)]
    [InlineData(TicketFields.ForwardTo)]
    public async Task A_refusal_shows_on_its_own_input_and_nowhere_else(string field)
    {
        var state = Open();

        await RunAsync(state, TicketForm.Status, Outcome.Refused("Not like that.", field));

        var errors = new Dictionary<string, string?>
        {
            [TicketFields.Comment] = state.CommentError, [TicketFields.Assignee] = state.AssigneeError,
            [TicketFields.Status] = state.StatusError, [TicketFields.Note] = state.NoteError,
            [TicketFields.ForwardTo] = state.ForwardError,
        };
        Assert.Equal("Not like that.", errors[field]);
        Assert.All(errors.Where(e => e.Key != field), e => Assert.Null(e.Value));
        Assert.Equal(field, state.Alert!.Field);   // the alert leaves it to the input
    }

    [Fact]
    public async Task A_refusal_about_a_field_without_an_input_shows_in_the_alert()
    {
        var state = Open();

        await RunAsync(state, TicketForm.Escalate, Outcome.Refused("Only an active ticket can be escalated.", TicketFields.Reason));

        Assert.Null(state.Alert!.Field);
        Assert.Equal("Only an active ticket can be escalated.", state.Alert.Message);
    }

    [Fact]
    public async Task Done_clears_only_the_form_that_was_sent_and_a_refusal_keeps_the_draft()
    {
        var state = Open();
        (state.Comment, state.Assignee, state.NextStatus, state.Note) = ("Checked the pipe", 4, TicketStatus.Resolved, "  ");

        await RunAsync(state, TicketForm.Status, Outcome.Refused("Write a resolution note: the student reads it.", TicketFields.Note));
        Assert.Equal((TicketStatus.Resolved, "  "), (state.NextStatus!.Value, state.Note));
        Assert.True(state.ShowsNote);

        await RunAsync(state, TicketForm.Comment, Outcome.Done("Note added"));
        Assert.Null(state.Comment);
        Assert.Null(state.NoteError);   // the new action's outcome replaced the old refusal
        Assert.Equal(4, state.Assignee);
        Assert.Equal(TicketStatus.Resolved, state.NextStatus);

        await RunAsync(state, TicketForm.Status, Outcome.Done("Status updated"));
        Assert.Equal((null, null, null), (state.NextStatus, state.Note, state.ForwardTo));
        Assert.Null(state.Pending);
    }

    [Fact]
    public async Task Not_found_turns_the_page_into_not_found()
    {
        var state = Open();

        await RunAsync(state, TicketForm.Take, Outcome.NotFound());

        Assert.True(state.NotFound);
        Assert.Null(state.Ticket);
        Assert.False(state.CanAct);
    }

    [Fact]
    public async Task A_reload_clears_a_conflict_and_drops_a_draft_status_the_ticket_can_no_longer_take()
    {
        var state = Open();
        state.NextStatus = TicketStatus.Resolved;
        await RunAsync(state, TicketForm.Status, Outcome.Conflict("Sana took it.", "Sana", DateTimeOffset.UtcNow));
        Assert.Equal(OutcomeKind.Conflict, state.Alert!.Kind);

        state.Loaded(Details(TicketStatus.Closed));

        Assert.Null(state.Alert);
        Assert.Null(state.NextStatus);
    }

    [Fact]
    public void Changes_by_others_are_announced_the_viewers_own_and_resyncs_are_not()
    {
        var state = Open();

        state.Changed(new ChangeEvent(EntityTypes.Ticket, "12", "taken", Viewer, "Me"));
        Assert.Null(state.LastChange);
        state.Changed(new ChangeEvent(EntityTypes.Ticket, "12", "escalated"));
        Assert.Equal("The system", state.LastChange!.ActorName);
        state.Changed(new ChangeEvent(EntityTypes.Ticket, "12", "assigned", 9, "Asha"));
        Assert.Equal("Asha", state.LastChange!.ActorName);
        state.DismissChange();
        Assert.Null(state.LastChange);
    }
}
