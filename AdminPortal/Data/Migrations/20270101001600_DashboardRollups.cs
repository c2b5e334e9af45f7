using System;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "moderation_daily",
                schema: "reporting",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    moderator_id = table.Column<int>(type: "integer", nullable: false),
                    cause = table.Column<Cause>(type: "catalog.causes_enum", nullable: false),
                    outcome = table.Column<short>(type: "smallint", nullable: false),
                    wait_bucket = table.Column<short>(type: "smallint", nullable: false),
                    decisions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_daily", x => new { x.day, x.moderator_id, x.cause, x.outcome, x.wait_bucket });
                });

            migrationBuilder.CreateTable(
                name: "ticket_daily",
                schema: "reporting",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    hostel_id = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    measure = table.Column<short>(type: "smallint", nullable: false),
                    bucket = table.Column<short>(type: "smallint", nullable: false),
                    tickets = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_daily", x => new { x.day, x.hostel_id, x.category_id, x.staff_id, x.measure, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "user_daily",
                schema: "reporting",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<PlatformUserStatus>(type: "auth.users_statuses_enum", nullable: false),
                    platform = table.Column<PlatformType>(type: "auth.platform_types_enum", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    users = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_daily", x => new { x.day, x.status, x.platform, x.deleted });
                });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_daily_moderator_id_day",
                schema: "reporting",
                table: "moderation_daily",
                columns: new[] { "moderator_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_daily_measure_day",
                schema: "reporting",
                table: "ticket_daily",
                columns: new[] { "measure", "day" });

            // the triggers that keep the rollups in each change's own transaction, then a first count (decision 0020)
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Functions);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Triggers);
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AdminPortal.Data.Rollups.RollupSql.Drop);
            migrationBuilder.DropTable(
                name: "moderation_daily",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ticket_daily",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "user_daily",
                schema: "reporting");
        }
    }
}
