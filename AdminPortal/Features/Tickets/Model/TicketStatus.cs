using NpgsqlTypes;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>
/// SST-Resolve ticket_status (PostgreSQL enum helpdesk.ticket_status). The seed shows OPEN, RESOLVED and the later
/// <c>ALTER TYPE ticket_status ADD VALUE 'FORWARDED'</c>; the rest is the lifecycle its triage needs.
/// </summary>
public enum TicketStatus
{
    [PgName("OPEN")] Open,
    [PgName("IN_PROGRESS")] InProgress,
    [PgName("AWAITING_STUDENT_RESPONSE")] AwaitingStudentResponse,
    [PgName("FORWARDED")] Forwarded,
    [PgName("RESOLVED")] Resolved,
    [PgName("REOPENED")] Reopened,
    [PgName("CLOSED")] Closed,
}
