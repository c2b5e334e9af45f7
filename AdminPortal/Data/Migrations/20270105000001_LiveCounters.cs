using System;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_status",
                schema: "reporting",
                columns: table => new
                {
                    status = table.Column<PublishingStatus>(type: "catalog.publishing_status_enum", nullable: false),
                    cause = table.Column<Cause>(type: "catalog.causes_enum", nullable: false),
                    products = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_status", x => new { x.status, x.cause });
                });

            migrationBuilder.CreateTable(
                name: "ticket_due",
                schema: "reporting",
                columns: table => new
                {
                    hostel_id = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    running = table.Column<bool>(type: "boolean", nullable: false),
                    due_day = table.Column<DateOnly>(type: "date", nullable: false),
                    tickets = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_due", x => new { x.hostel_id, x.category_id, x.staff_id, x.running, x.due_day });
                });

            migrationBuilder.CreateTable(
                name: "ticket_open",
                schema: "reporting",
                columns: table => new
                {
                    hostel_id = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<TicketStatus>(type: "helpdesk.ticket_status", nullable: false),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    tickets = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_open", x => new { x.hostel_id, x.category_id, x.staff_id, x.status, x.escalation_level });
                });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets",
                column: "due_at",
                filter: "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_due_category_id_due_day",
                schema: "reporting",
                table: "ticket_due",
                columns: new[] { "category_id", "due_day" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_due_staff_id_due_day",
                schema: "reporting",
                table: "ticket_due",
                columns: new[] { "staff_id", "due_day" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_open_category_id",
                schema: "reporting",
                table: "ticket_open",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_open_staff_id",
                schema: "reporting",
                table: "ticket_open",
                column: "staff_id");

            // the rollups' functions again: bucket_of is now inlined by the planner (the recount called it as a function
            // per row: most of rollups rebuild's time); then the triggers that keep the live counters in each change's own transaction, then a first count (decision 0023)
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Functions);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.LiveSql.Functions);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.LiveSql.Triggers);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.LiveSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AdminPortal.Data.Rollups.LiveSql.Drop);
            migrationBuilder.DropTable(
                name: "product_status",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ticket_due",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ticket_open",
                schema: "reporting");

            migrationBuilder.DropIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets");
        }
    }
}
