using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;

namespace AdminPortal.Data.Rollups;

/// <summary>What a moderator decided on a suggestion (the audit actions product.approve, .reject, .request_changes).</summary>
public enum ModerationOutcome : short { Approved = 0, Rejected = 1, ChangesRequested = 2 }

/// <summary>What a row of <see cref="TicketDay"/> counts.</summary>
public enum TicketMeasure : short
{
    /// <summary>Tickets created that day (bucket 0).</summary>
    Created = 0,
    /// <summary>Tickets resolved (or closed) that day; bucket: time from creation to resolution.</summary>
    Resolved = 1,
    /// <summary>Of those, resolved by their due time (bucket 0).</summary>
    InSla = 2,
    /// <summary>Tickets whose first reply to the student came that day; bucket: time from creation to that reply.</summary>
    FirstResponse = 3,
}

/// <summary>
/// reporting.moderation_daily: decisions per UTC day, moderator, cause, outcome and wait bucket (how long the product
/// had been submitted; <see cref="WaitBuckets"/>). Kept by a trigger on audit.audit_log (decision 0020).
/// </summary>
public class ModerationDay
{
    public DateOnly Day { get; set; }

    /// <summary>auth.users id of the moderator (0: the system).</summary>
    public int ModeratorId { get; set; }
    public Cause Cause { get; set; }
    public ModerationOutcome Outcome { get; set; }
    public short WaitBucket { get; set; }
    public int Decisions { get; set; }
}

/// <summary>
/// reporting.moderation_daily_cause: decisions per UTC day, cause and outcome, every moderator together. The dashboard's
/// per-day and per-cause charts read it: <see cref="ModerationDay"/>'s moderator and wait bucket multiply its rows
/// (20,889 groups for 84 days on the large data, 1,290 here). Kept by the same trigger in the same transaction
/// (decision 0033).
/// </summary>
public class ModerationCauseDay
{
    public DateOnly Day { get; set; }
    public Cause Cause { get; set; }
    public ModerationOutcome Outcome { get; set; }
    public int Decisions { get; set; }
}

/// <summary>
/// reporting.moderation_daily_wait: decisions per UTC day and wait bucket, every moderator, cause and outcome together
/// (the dashboard's wait per week). Kept by the same trigger as <see cref="ModerationDay"/> (decision 0033).
/// </summary>
public class ModerationWaitDay
{
    public DateOnly Day { get; set; }
    public short WaitBucket { get; set; }
    public int Decisions { get; set; }
}

/// <summary>
/// reporting.ticket_daily: ticket counts per UTC day, hostel, category, assignee (0: none), measure and bucket. The
/// ticket's current hostel, category and assignee: a reassignment moves its counts (decision 0020).
/// </summary>
public class TicketDay : ITicketScopeKeys
{
    public DateOnly Day { get; set; }
    public int HostelId { get; set; }
    public int CategoryId { get; set; }
    public int StaffId { get; set; }
    public TicketMeasure Measure { get; set; }
    public short Bucket { get; set; }
    public int Tickets { get; set; }
}

/// <summary>reporting.user_daily: users per registration day (UTC), status, platform and deleted or not.</summary>
public class UserDay
{
    public DateOnly Day { get; set; }
    public PlatformUserStatus Status { get; set; }
    public PlatformType Platform { get; set; }
    public bool Deleted { get; set; }
    public int Users { get; set; }
}

/// <summary>
/// reporting.ticket_open: open tickets (<see cref="AdminPortal.Features.Tickets.TicketStatuses.Active"/>) now, per
/// hostel, category, assignee (0: none), status and escalation level. A live counter (decision 0023).
/// </summary>
public class OpenTicketCount : ITicketScopeKeys
{
    public int HostelId { get; set; }
    public int CategoryId { get; set; }
    public int StaffId { get; set; }
    public AdminPortal.Features.Tickets.Model.TicketStatus Status { get; set; }
    public int EscalationLevel { get; set; }
    public int Tickets { get; set; }
}

/// <summary>
/// reporting.ticket_due: open tickets with a due time, per hostel, category, assignee (0: none), whether their SLA
/// clock runs (<see cref="AdminPortal.Features.Tickets.TicketStatuses.ClockRunning"/>, not paused) and the UTC day
/// they fall due. Overdue is the days before today from here, and today's tickets due before now counted on the
/// tickets themselves (a day's worth, from the open tickets' due-time indexes). A live counter (decision 0023).
/// </summary>
public class DueTicketCount : ITicketScopeKeys
{
    public int HostelId { get; set; }
    public int CategoryId { get; set; }
    public int StaffId { get; set; }
    public bool Running { get; set; }
    public DateOnly DueDay { get; set; }
    public int Tickets { get; set; }
}

/// <summary>reporting.product_status: products per publishing status and cause now. A live counter (decision 0023).</summary>
public class ProductStatusCount
{
    public PublishingStatus Status { get; set; }
    public Cause Cause { get; set; }
    public int Products { get; set; }
}

/// <summary>A row keyed by a ticket's hostel, category and assignee (0 for none): the ticket scope rules apply to it.</summary>
public interface ITicketScopeKeys
{
    int HostelId { get; }
    int CategoryId { get; }
    int StaffId { get; }
}
