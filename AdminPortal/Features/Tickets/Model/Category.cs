namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve categories (helpdesk.categories).</summary>
public class Category
{
    /// <summary>SST-Resolve categories.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve categories.name, unique.</summary>
    public required string Name { get; set; }

    /// <summary>SST-Resolve categories.description.</summary>
    public string? Description { get; set; }

    /// <summary>SST-Resolve: the category's TAT in hours; due_at = created_at + sla_hours.</summary>
    public int SlaHours { get; set; } = 48;

    /// <summary>Portal: where the category stands in lists and pickers (lower first), set by reordering.</summary>
    public int Position { get; set; }

    /// <summary>SST-Resolve categories.active, default true.</summary>
    public bool Active { get; set; } = true;

    /// <summary>SST-Resolve categories.created_at.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>SST-Resolve categories.updated_at.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public List<Subcategory> Subcategories { get; set; } = [];
    public List<CategoryEscalationRung> EscalationLadder { get; set; } = [];
}
