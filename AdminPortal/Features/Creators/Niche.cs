namespace AdminPortal.Features.Creators;

/// <summary>Cloutsy niches: a content category (Fashion, Beauty, Food, ...).</summary>
public class Niche
{
    /// <summary>Cloutsy niches.id.</summary>
    public int Id { get; set; }

    /// <summary>Cloutsy niches.name (unique).</summary>
    public required string Name { get; set; }

    /// <summary>Cloutsy niches.icon (an emoji in the seeder).</summary>
    public string? Icon { get; set; }

    /// <summary>Cloutsy niches.description.</summary>
    public string? Description { get; set; }

    /// <summary>Cloutsy niches.isActive (default true): a niche in use is retired, not deleted.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Cloutsy niches.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy niches.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }
}
