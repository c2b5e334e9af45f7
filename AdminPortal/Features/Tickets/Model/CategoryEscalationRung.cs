namespace AdminPortal.Features.Tickets.Model;

/// <summary>
/// Portal: one rung of a category's escalation ladder (SST-Resolve tickets.escalation_level counts the rungs climbed).
/// A child table rather than jsonb so each rung's staff member is a checked foreign key.
/// </summary>
public class CategoryEscalationRung
{
    public int Id { get; set; }

    /// <summary>The category whose ladder this is, ON DELETE CASCADE.</summary>
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>Escalation level reached at this rung (1 = first escalation); unique per category.</summary>
    public int Level { get; set; }

    /// <summary>Who receives the ticket at this level, ON DELETE CASCADE.</summary>
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
}
