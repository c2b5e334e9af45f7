using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueCursorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_tickets_assignee_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "idx_tickets_category_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "idx_tickets_hostel_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_assignee_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "assigned_to", "status", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_category_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "category_id", "status", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "status", "due_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_undated",
                schema: "helpdesk",
                table: "tickets",
                column: "id",
                filter: "due_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_tickets_assignee_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "idx_tickets_category_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "idx_tickets_hostel_status_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "idx_tickets_undated",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_assignee_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "assigned_to", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_category_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "category_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "status", "due_at" });
        }
    }
}
