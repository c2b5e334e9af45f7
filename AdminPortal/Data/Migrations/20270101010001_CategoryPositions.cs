using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CategoryPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "position",
                schema: "helpdesk",
                table: "subcategories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "position",
                schema: "helpdesk",
                table: "categories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // existing rows keep the order they were shown in (by name)
            migrationBuilder.Sql("""
                UPDATE helpdesk.categories c SET position = o.n
                FROM (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM helpdesk.categories) o WHERE o.id = c.id;
                UPDATE helpdesk.subcategories s SET position = o.n
                FROM (SELECT id, row_number() OVER (PARTITION BY category_id ORDER BY name) - 1 AS n FROM helpdesk.subcategories) o
                WHERE o.id = s.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "position",
                schema: "helpdesk",
                table: "subcategories");

            migrationBuilder.DropColumn(
                name: "position",
                schema: "helpdesk",
                table: "categories");
        }
    }
}
