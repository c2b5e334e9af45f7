using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.SqlMigrations
{
    /// <inheritdoc />
    public partial class AuditLogFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_audit_log_action",
                schema: "audit",
                table: "audit_log",
                columns: new[] { "action", "at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "idx_audit_log_entity_type",
                schema: "audit",
                table: "audit_log",
                columns: new[] { "entity_type", "at" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_audit_log_action",
                schema: "audit",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "idx_audit_log_entity_type",
                schema: "audit",
                table: "audit_log");
        }
    }
}
