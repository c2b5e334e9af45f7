namespace AdminPortal.Shared;

/// <summary>How an action ended. Only <see cref="Done"/> changed anything.</summary>
public enum OutcomeKind { Done, Refused, Conflict, NotFound, Denied, Unavailable }

/// <summary>
/// What every service action returns: done; refused (bad input or a transition the rules do not allow), with the
/// field at fault; a conflict (someone changed the thing first), with who and when; not found; denied; unavailable (the
/// database could not be reached: its transaction never committed). Nothing but
/// <see cref="OutcomeKind.Done"/> changed anything. Exceptions stay for the unexpected.
/// </summary>
public record Outcome(OutcomeKind Kind, string Message, string? Field = null, string? ChangedBy = null,
    DateTimeOffset? ChangedAt = null)
{
    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>The message, when this outcome is a refusal about <paramref name="field"/>.</summary>
    public string? ErrorFor(string field) => Kind == OutcomeKind.Refused && Field == field ? Message : null;

    public static Outcome Done(string message) => new(OutcomeKind.Done, message);

    public static Outcome Refused(string message, string? field = null) => new(OutcomeKind.Refused, message, field);

    public static Outcome Conflict(string message, string? changedBy = null, DateTimeOffset? changedAt = null) =>
        new(OutcomeKind.Conflict, message, ChangedBy: changedBy, ChangedAt: changedAt);

    public static Outcome NotFound(string message = "It no longer exists, or it is not yours to see.") =>
        new(OutcomeKind.NotFound, message);

    public static Outcome Denied(string message = "You do not have access to this action.") =>
        new(OutcomeKind.Denied, message);

    public static Outcome Unavailable(string message = UnavailableMessage) => new(OutcomeKind.Unavailable, message);

    /// <summary>What an action started while the database is out of reach says.</summary>
    public const string UnavailableMessage =
        "The database could not be reached, so nothing was changed. Try again once the portal has reconnected.";
}

/// <summary>An <see cref="Outcome"/> that carries what the action made or found, when it was done.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, string Message, T? Value = default, string? Field = null,
    string? ChangedBy = null, DateTimeOffset? ChangedAt = null) : Outcome(Kind, Message, Field, ChangedBy, ChangedAt)
{
    public static Outcome<T> Done(T value, string message) => new(OutcomeKind.Done, message, value);

    /// <summary>A failure of any kind, carried over unchanged (no value).</summary>
    public static Outcome<T> Failed(Outcome failure) =>
        failure.Succeeded
            ? throw new ArgumentException("Only a failure carries over without a value.", nameof(failure))
            : new(failure.Kind, failure.Message, default, failure.Field, failure.ChangedBy, failure.ChangedAt);
}
