using AdminPortal.Live;

namespace AdminPortal.Features.Audit;

/// <summary>
/// The portal page of an audited thing, when it has one: built from the entity type the code wrote and its id,
/// escaped as one path segment (the id is data). Anything else (a bulk "*", a type without a page) has no link.
/// </summary>
public static class AuditLinks
{
    public static string? For(string entityType, string entityId)
    {
        if (string.IsNullOrEmpty(entityId) || entityId == "*")
            return null;
        var segment = Uri.EscapeDataString(entityId);
        return entityType switch
        {
            EntityTypes.Product => "/products/" + segment,
            EntityTypes.Ticket when int.TryParse(entityId, out _) => "/tickets/" + segment,
            EntityTypes.User when int.TryParse(entityId, out _) => "/users/" + segment,
            EntityTypes.Group when Guid.TryParse(entityId, out _) => "/chats/" + segment,
            _ => null,
        };
    }
}
