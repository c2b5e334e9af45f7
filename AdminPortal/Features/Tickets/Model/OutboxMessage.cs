using System.Text.Json;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve outbox: events written in the same transaction as the change, delivered afterwards.</summary>
public class OutboxMessage
{
    /// <summary>SST-Resolve outbox.id (bigserial).</summary>
    public long Id { get; set; }

    /// <summary>SST-Resolve outbox.event_type, varchar(100) ("ticket.resolved").</summary>
    public required string EventType { get; set; }

    /// <summary>SST-Resolve outbox.payload jsonb ({"ticket_id": 42}).</summary>
    public required JsonDocument Payload { get; set; }

    /// <summary>SST-Resolve outbox.created_at.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Portal: when delivery succeeded; null while pending.</summary>
    public DateTime? ProcessedAt { get; set; }

    /// <summary>Portal: delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Portal: the last delivery error.</summary>
    public string? LastError { get; set; }
}
