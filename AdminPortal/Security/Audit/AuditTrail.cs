using System.Text.Json;
using AdminPortal.Data;

namespace AdminPortal.Security.Audit;

/// <summary>
/// Writes audit records into the caller's own DbContext, so the record commits (or rolls back) with the change it
/// describes: call <see cref="Add"/> before the service's SaveChanges, inside its transaction.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditLogEntry Add(PortalDbContext db, AuditActor actor, string action, string entityType, string entityId,
        object? before = null, object? after = null, string? reason = null)
    {
        var entry = new AuditLogEntry
        {
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = ToJson(before),
            After = ToJson(after),
            Reason = reason,
            At = clock.GetUtcNow().UtcDateTime,
            ClientAddress = actor.ClientAddress,
        };
        db.Set<AuditLogEntry>().Add(entry);
        return entry;
    }

    private static JsonDocument? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToDocument(value, value.GetType(), Json);
}
