using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// TRUNCATE on audit.audit_log is refused for every role, owner included (a statement trigger; a trigger on UPDATE or
/// DELETE does not fire on TRUNCATE), and PUBLIC loses the privilege. Only the owner can switch the trigger off, as the
/// Development reset does inside its transaction (DatabaseReset); the portal's role is not the owner
/// (Data/DatabaseRoles.cs), so the portal itself can neither erase nor rewrite the log.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000700_AuditLogNoTruncate")]
public sealed class AuditLogNoTruncate : Migration
{
    public const string Trigger = "audit_log_no_truncate";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE TRIGGER {Trigger}
                BEFORE TRUNCATE ON audit.audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_audit_log_change();

            REVOKE TRUNCATE ON audit.audit_log FROM PUBLIC;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Trigger} ON audit.audit_log;");
}
