using System.Text.Json;

namespace AdminPortal.Security.Audit;

/// <summary>
/// Portal: one row of audit.audit_log, the append-only record of every state-changing decision (a trigger refuses
/// UPDATE and DELETE). actor_id has no foreign key on purpose: an FK action on user deletion would have to update or
/// delete audit rows, and the log must outlive the users it names (actor_name keeps the name as it was).
/// </summary>
public class AuditLogEntry
{
    public long Id { get; set; }

    /// <summary>auth.users id of who acted; null for the system (workers, the seed verb).</summary>
    public int? ActorId { get; set; }

    /// <summary>The actor's name at the time.</summary>
    public required string ActorName { get; set; }

    /// <summary>What was done ("ticket.assign", "user.lock", "product.approve").</summary>
    public required string Action { get; set; }

    /// <summary>Kind of thing changed ("ticket", "user", "product").</summary>
    public required string EntityType { get; set; }

    /// <summary>Its key, as text (int, uuid or composite keys alike).</summary>
    public required string EntityId { get; set; }

    /// <summary>The relevant fields before the change (jsonb); null on creation.</summary>
    public JsonDocument? Before { get; set; }

    /// <summary>The relevant fields after the change (jsonb); null on deletion.</summary>
    public JsonDocument? After { get; set; }

    /// <summary>Why, as the operator gave it (required by some actions, e.g. rejecting a product).</summary>
    public string? Reason { get; set; }

    /// <summary>When, default now().</summary>
    public DateTime At { get; set; }

    /// <summary>The operator's IP address, when known.</summary>
    public string? ClientAddress { get; set; }
}
