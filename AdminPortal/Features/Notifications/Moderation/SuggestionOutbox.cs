using System.Text.Json;
using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Notifications.Moderation;

/// <summary>The outbox rows of moderation, written in the transaction of what they announce.</summary>
public static class SuggestionOutbox
{
    /// <summary>Suggestions were decided (approved, rejected, sent back): their reviewers other than the actor hear of it.</summary>
    public static OutboxMessage Decided(IReadOnlyCollection<string> productIds, int actorUserId, string actorName, string verb,
        DateTime at) => new()
    {
        EventType = NotificationEvents.SuggestionDecidedType,
        Payload = JsonSerializer.SerializeToDocument(new
        {
            product_ids = productIds, actor_id = actorUserId, actor_name = actorName, verb,
        }),
        CreatedAt = at,
    };

    /// <summary>
    /// Suggestions submitted before <paramref name="cutoff"/> (and after the previous row's cutoff) are still waiting;
    /// the newest such row is the waiting pass's high-water mark, so a suggestion is announced once.
    /// </summary>
    public static OutboxMessage Waiting(DateTime cutoff, int count, string oldestProductId, DateTime at) => new()
    {
        EventType = NotificationEvents.SuggestionsWaitingType,
        Payload = JsonSerializer.SerializeToDocument(new { cutoff, count, oldest_product_id = oldestProductId }),
        CreatedAt = at,
    };
}
