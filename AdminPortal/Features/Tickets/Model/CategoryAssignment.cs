namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve category_assignments: several staff per category, one primary, ordered by priority.</summary>
public class CategoryAssignment
{
    /// <summary>SST-Resolve category_assignments.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve category_assignments.category_id (not null here), ON DELETE CASCADE.</summary>
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>SST-Resolve category_assignments.staff_id (not null here), ON DELETE CASCADE.</summary>
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }

    /// <summary>SST-Resolve category_assignments.is_primary, default false.</summary>
    public bool IsPrimary { get; set; }

    /// <summary>SST-Resolve category_assignments.priority, default 0 (lower is asked first).</summary>
    public int Priority { get; set; }
}
