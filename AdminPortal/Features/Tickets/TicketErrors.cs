namespace AdminPortal.Features.Tickets;

/// <summary>Bad input or a refused transition: nothing was changed; <see cref="Field"/> names the input at fault.</summary>
public sealed class TicketValidationException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The ticket changed since the caller loaded it: who changed what, and when. Nothing was overwritten.</summary>
public sealed class TicketConflictException(string message) : Exception(message);

/// <summary>The ticket does not exist or is outside the actor's scope; both read the same to the caller.</summary>
public sealed class TicketNotFoundException(int id) : Exception($"Ticket #{id} was not found.");
