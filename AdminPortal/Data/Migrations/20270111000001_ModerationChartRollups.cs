using System;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModerationChartRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_daily_cause",
                schema: "reporting",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cause = table.Column<Cause>(type: "catalog.causes_enum", nullable: false),
                    outcome = table.Column<short>(type: "smallint", nullable: false),
                    decisions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_daily_cause", x => new { x.day, x.cause, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "moderation_daily_wait",
                schema: "reporting",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    wait_bucket = table.Column<short>(type: "smallint", nullable: false),
                    decisions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_daily_wait", x => new { x.day, x.wait_bucket });
                });

            // the dashboard's "now" tiles count a staff member's open tickets falling due index-only (decision 0033)
            migrationBuilder.DropIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets",
                column: "due_at",
                filter: "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')")
                .Annotation("Npgsql:IndexInclude", new[] { "hostel_id", "category_id", "assigned_to", "status", "paused_at" });

            // the decision trigger now keeps the two narrow rollups too, in the decision's transaction; then a first
            // count of them from moderation_daily (decision 0033)
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Functions);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.RebuildModerationCharts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // the decision trigger as it was before: moderation_daily only
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION reporting.on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO reporting.moderation_daily AS r (day, moderator_id, cause, outcome, wait_bucket, decisions)
                    SELECT reporting.utc_day(NEW.at), coalesce(NEW.actor_id, 0),
                           coalesce(reporting.cause_named(NEW.after ->> 'cause'), p.cause), reporting.outcome_of(NEW.action),
                           reporting.bucket_of(NEW.at - p.created_at), 1
                    FROM catalog.products p WHERE p.id = NEW.entity_id
                    ON CONFLICT (day, moderator_id, cause, outcome, wait_bucket) DO UPDATE SET decisions = r.decisions + 1;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.DropIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_open_due",
                schema: "helpdesk",
                table: "tickets",
                column: "due_at",
                filter: "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')");

            migrationBuilder.DropTable(
                name: "moderation_daily_cause",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "moderation_daily_wait",
                schema: "reporting");
        }
    }
}
