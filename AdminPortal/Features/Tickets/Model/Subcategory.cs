namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve subcategories (helpdesk.subcategories): categories have many subcategories.</summary>
public class Subcategory
{
    /// <summary>SST-Resolve subcategories.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve subcategories.category_id, ON DELETE CASCADE.</summary>
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>SST-Resolve subcategories.name, unique within its category.</summary>
    public required string Name { get; set; }

    /// <summary>Portal: TAT override in hours; null inherits the category's sla_hours.</summary>
    public int? SlaHours { get; set; }

    /// <summary>Portal: where the subcategory stands within its category (lower first), set by reordering.</summary>
    public int Position { get; set; }

    /// <summary>SST-Resolve subcategories.active, default true.</summary>
    public bool Active { get; set; } = true;
}
