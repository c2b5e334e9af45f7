using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The queue's "Escalated" filter: escalated tickets are few among a million, so a partial index finds them at once
/// where the (x, status, due_at) indexes would walk every row of a hostel to find them.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000501_TicketsEscalatedIndex")]
public sealed class TicketsEscalatedIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS idx_tickets_escalated_due ON helpdesk.tickets (due_at) WHERE escalation_level > 0;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS helpdesk.idx_tickets_escalated_due;");
}
