using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_review_visits",
                schema: "catalog",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "varchar", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_review_visits", x => new { x.product_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_product_review_visits_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_review_visits_product_product_id",
                        column: x => x.product_id,
                        principalSchema: "catalog",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_review_visits_user_id",
                schema: "catalog",
                table: "product_review_visits",
                column: "user_id");

            // the centre's keyset (newest first, per person): scanned backwards
            migrationBuilder.CreateIndex(
                name: "ix_portal_notifications_user_id_created_at_id",
                schema: "helpdesk",
                table: "portal_notifications",
                columns: new[] { "user_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_portal_notifications_user_id_created_at_id",
                schema: "helpdesk",
                table: "portal_notifications");

            migrationBuilder.DropTable(
                name: "product_review_visits",
                schema: "catalog");
        }
    }
}
