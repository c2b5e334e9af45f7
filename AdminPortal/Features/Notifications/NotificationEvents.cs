using AdminPortal.Security;

namespace AdminPortal.Features.Notifications;

/// <summary>One kind of notification a person can switch on or off (a key of notification_settings.preferences).</summary>
public sealed record NotificationEvent(string Key, string Label, string Description, Permission Needs);

/// <summary>
/// The events the dispatcher notifies about, named once: the preferences page lists those the person's permissions
/// let them receive, and the dispatcher reads the same keys (missing key = on, the schema's default for channels).
/// </summary>
public static class NotificationEvents
{
    public const string TicketUpdates = "ticket_updates";
    public const string Escalations = "escalations";
    public const string SuggestionDecided = "suggestion_decided";
    public const string SuggestionsWaiting = "suggestions_waiting";

    /// <summary>Outbox event types of moderation (helpdesk.outbox.event_type).</summary>
    public const string SuggestionDecidedType = "suggestion.decided";
    public const string SuggestionsWaitingType = "suggestion.waiting";

    /// <summary>An e-mail to send (the e-mail channel of a notification), retried through the outbox.</summary>
    public const string EmailType = "notification.email";

    public static readonly IReadOnlyList<NotificationEvent> All =
    [
        new(TicketUpdates, "Ticket updates", "A ticket is assigned to you, resolved, or gets a reply.", Permission.TriageTickets),
        new(Escalations, "Escalations", "A ticket is escalated to you.", Permission.TriageTickets),
        new(SuggestionDecided, "Suggestions decided by someone else", "A suggestion you opened for review was decided by another moderator.", Permission.ModerateProducts),
        new(SuggestionsWaiting, "Suggestions waiting too long", "Suggestions have waited longer than the portal's limit for a decision.", Permission.ModerateProducts),
    ];

    public static NotificationEvent? Find(string key) => All.FirstOrDefault(e => e.Key == key);

    /// <summary>Which preference an outbox event type falls under.</summary>
    public static string ForOutboxType(string eventType) => eventType switch
    {
        "ticket.escalated" => Escalations,
        SuggestionDecidedType => SuggestionDecided,
        SuggestionsWaitingType => SuggestionsWaiting,
        _ => TicketUpdates,
    };
}
