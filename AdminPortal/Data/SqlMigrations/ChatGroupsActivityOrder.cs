using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The chat browser lists groups by last activity, groups without messages last:
/// <c>ORDER BY last_message_at IS NOT NULL DESC, last_message_at DESC, id</c>. These expression indexes (the EF model
/// cannot declare one) hold exactly that order, so a page is read in index order instead of sorting all groups, and
/// the type filter (private or group) reads only its own groups. Rebuilt after a large load like the model's indexes.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000601_ChatGroupsActivityOrder")]
public sealed class ChatGroupsActivityOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS idx_groups_activity
                ON chat.groups ((last_message_at IS NOT NULL) DESC, last_message_at DESC, id);
            CREATE INDEX IF NOT EXISTS idx_groups_type_activity
                ON chat.groups (type, (last_message_at IS NOT NULL) DESC, last_message_at DESC, id);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS chat.idx_groups_type_activity; DROP INDEX IF EXISTS chat.idx_groups_activity;");
}
