using AdminPortal.Data.Identity;
using System.Text.Json.Serialization;

namespace AdminPortal.Live;

/// <summary>
/// One small fact that changed, published after commit: "product 42 approved by Asha". Subscribers reload what they
/// show; an event never carries the data itself (a NOTIFY payload must stay under 8000 bytes).
/// </summary>
/// <param name="EntityType">What kind of thing changed; one of <see cref="EntityTypes"/>.</param>
/// <param name="EntityId">Which one, as text (a number, a key, or "*" for many).</param>
/// <param name="Action">What happened, e.g. "created", "updated", "approved"; see <see cref="ChangeActions"/>.</param>
/// <param name="ActorId">The user who did it, when a user did.</param>
/// <param name="ActorName">Their display name, so a screen can say who.</param>
public sealed record ChangeEvent(string EntityType, string EntityId, string Action, int? ActorId = null,
    string? ActorName = null)
{
    /// <summary>Which portal instance published it; stamped by the feed on publish.</summary>
    public string OriginInstance { get; init; } = "";

    /// <summary>When it was published; stamped by the feed on publish when left default.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Optional short extra (presence uses it for the visit id). Keep it short.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// True for the feed's "I may have missed events, reload what you show" signal. It is delivered to every
    /// subscriber whatever its filter, after the feed reconnected to the database.
    /// </summary>
    [JsonIgnore]
    public bool IsResync => EntityType == EntityTypes.Feed && Action == ChangeActions.Resync;

    /// <summary>True when this event is about the given entity.</summary>
    public bool Is(string entityType, string? entityId = null) =>
        EntityType == entityType && (entityId is null || EntityId == entityId);

    /// <summary>The resync signal (see <see cref="IsResync"/>).</summary>
    public static ChangeEvent Resync(string instance, DateTimeOffset at) =>
        new(EntityTypes.Feed, "*", ChangeActions.Resync) { OriginInstance = instance, At = at };
}

/// <summary>The entity types events talk about. Screens filter on these.</summary>
public static class EntityTypes
{
    public const string Product = "product";
    public const string Ticket = "ticket";
    public const string User = "user";
    public const string Group = "group";
    public const string Message = "message";
    public const string Role = "role";
    /// <summary>Presence changes (see <see cref="PresenceTracker"/>); EntityId is "type:id" of the thing watched.</summary>
    public const string Presence = "presence";
    /// <summary>Signals of the feed itself (resync).</summary>
    public const string Feed = "feed";
}

/// <summary>Common actions; features may use their own verbs ("escalated", "assigned").</summary>
public static class ChangeActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Resync = "resync";
}
