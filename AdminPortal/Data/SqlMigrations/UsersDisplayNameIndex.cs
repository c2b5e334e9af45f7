using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The moderation queue's vendor sort orders by the name the queue shows, COALESCE(name, email). With this index
/// PostgreSQL walks vendors in that order and each one's products by idx_products_vendor_queue, stopping after a page.
/// An expression index: the EF model cannot express it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000601_UsersDisplayNameIndex")]
public sealed class UsersDisplayNameIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS idx_users_display_name ON auth.users ((COALESCE(name, email)));");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS auth.idx_users_display_name;");
}
