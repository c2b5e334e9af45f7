using AdminPortal.Components.Shared;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Features.Tickets.TicketScreen;

/// <summary>The forms of the ticket page; each keeps its draft until its own action is done.</summary>
public enum TicketForm { Take, Comment, Assign, Status, Escalate }

/// <summary>
/// What the ticket page does between reads: the ticket it shows (or that it was not found), the drafts of its forms
/// (they survive every reload), which input an action's refusal belongs to, who else changed the ticket, and the
/// action running. Plain C#: the page calls it and renders from it.
/// </summary>
public sealed class TicketState(int? viewerId)
{
    /// <summary>The fields a refusal can name that have an input on the page; any other shows in the alert.</summary>
    private static readonly string[] InputFields =
        [TicketFields.Comment, TicketFields.Assignee, TicketFields.Status, TicketFields.Note, TicketFields.ForwardTo];

    public ActionGate Gate { get; } = new();
    public int? ViewerId { get; } = viewerId;
    public TicketDetails? Ticket { get; private set; }
    public bool NotFound { get; private set; }

    /// <summary>The last change someone else (or the system) made while the page was open.</summary>
    public ChangeEvent? LastChange { get; private set; }

    // drafts
    public string? Comment { get; set; }
    public bool Internal { get; set; }
    public int? Assignee { get; set; }
    public TicketStatus? NextStatus { get; set; }
    public string? Note { get; set; }
    public int? ForwardTo { get; set; }

    /// <summary>The form whose action runs now (null when none).</summary>
    public TicketForm? Pending { get; private set; }

    public string? CommentError => ErrorFor(TicketFields.Comment);
    public string? AssigneeError => ErrorFor(TicketFields.Assignee);
    public string? StatusError => ErrorFor(TicketFields.Status);
    public string? NoteError => ErrorFor(TicketFields.Note);
    public string? ForwardError => ErrorFor(TicketFields.ForwardTo);

    /// <summary>The outcome for the page's alert: a refusal whose field has no input here shows there, unplaced.</summary>
    public Outcome? Alert => Gate.Last is { Kind: OutcomeKind.Refused, Field: { } f } o && !InputFields.Contains(f)
        ? o with { Field = null } : Gate.Last;

    public bool CanAct => Ticket is not null && !Gate.Busy;
    public bool ShowsNote => NextStatus == TicketStatus.Resolved;
    public bool ShowsForward => NextStatus == TicketStatus.Forwarded;

    /// <summary>The ticket as read now; a draft status it can no longer move to is dropped.</summary>
    public void Loaded(TicketDetails? ticket)
    {
        Ticket = ticket;
        NotFound = ticket is null;
        if (Gate.Last?.Kind == OutcomeKind.Conflict)
            Gate.Clear();   // reloaded: the page shows the change the conflict was about
        if (ticket is not null && NextStatus is { } next && !TicketTransitions.IsAllowed(ticket.Status, next))
            (NextStatus, Note, ForwardTo) = (null, null, null);
    }

    /// <summary>Someone changed the ticket; the system's changes are named as such, the viewer's own are not announced.</summary>
    public void Changed(ChangeEvent change)
    {
        if (change.IsResync || change.ActorId is { } a && a == ViewerId)
            return;
        LastChange = change.ActorName is null ? change with { ActorName = "The system" } : change;
    }

    public void DismissChange() => LastChange = null;

    /// <summary>An action of <paramref name="form"/> starts: the previous outcome goes.</summary>
    public void Submitting(TicketForm form)
    {
        Pending = form;
        Gate.Clear();
    }

    /// <summary>
    /// An action of <paramref name="form"/> ended (null: it did not run). Done clears that form's draft; not found
    /// turns the page into "not found"; a refusal stays on its input with the draft kept.
    /// </summary>
    public void Finished(TicketForm form, Outcome? outcome)
    {
        Pending = null;
        if (outcome is null)
            return;
        if (outcome.Kind == OutcomeKind.NotFound)
            (Ticket, NotFound) = (null, true);
        if (!outcome.Succeeded)
            return;
        switch (form)
        {
            case TicketForm.Comment: Comment = null; break;
            case TicketForm.Assign: Assignee = null; break;
            case TicketForm.Status: (NextStatus, Note, ForwardTo) = (null, null, null); break;
        }
    }

    private string? ErrorFor(string field) => Gate.Last?.ErrorFor(field);
}
