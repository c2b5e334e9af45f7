namespace AdminPortal.Features.Vendors;

/// <summary>
/// Venta integrations: the mapping between one of Venta's ids and the id an external service (Algolia index record,
/// Cloudinary asset, Clerk user) knows it by.
/// </summary>
public class Integration
{
    /// <summary>Venta integrations.id (a cuid in the seed; an identity integer here).</summary>
    public int Id { get; set; }

    /// <summary>Venta integrations.service.</summary>
    public IntegrationService Service { get; set; }

    /// <summary>Venta integrations.externalId: the id at the external service.</summary>
    public required string ExternalId { get; set; }

    /// <summary>Venta integrations.internalId: the id in Venta (text, as it may name any table's row).</summary>
    public required string InternalId { get; set; }

    /// <summary>Venta integrations.metadata (Json?): jsonb, kept as its JSON text.</summary>
    public string? Metadata { get; set; }

    /// <summary>Venta integrations.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Venta integrations.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }
}
