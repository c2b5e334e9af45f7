using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The queue's "Unassigned" filter: most OPEN tickets are unassigned and most others are assigned, which the planner
/// cannot know from per-column statistics. It estimated 800 of 10,765 rows for (hostel 1, OPEN, unassigned), chose a
/// BitmapAnd and a sort, and took 100 ms per branch; with these multi-column MCV statistics it walks
/// idx_tickets_hostel_status_due in due order and stops after the page (0.2 ms). A statistics object, not an index:
/// the EF model cannot express it, and the large load's ANALYZE fills it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000602_TicketsAssigneeStatistics")]
public sealed class TicketsAssigneeStatistics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE STATISTICS IF NOT EXISTS helpdesk.st_tickets_hostel_status_assignee (mcv)
                ON hostel_id, status, assigned_to FROM helpdesk.tickets;
            ANALYZE helpdesk.tickets;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP STATISTICS IF EXISTS helpdesk.st_tickets_hostel_status_assignee;");
}
