using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// audit.audit_log is append-only, enforced by the database: a row trigger refuses UPDATE and DELETE (for every
/// role, owner included) and PUBLIC loses those privileges. TRUNCATE stays allowed: the reset of the tests and of
/// `seed --reset` empties every table with it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000200_AuditLogAppendOnly")]
public sealed class AuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION audit.refuse_audit_log_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit.audit_log is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$;

            CREATE TRIGGER audit_log_append_only
                BEFORE UPDATE OR DELETE ON audit.audit_log
                FOR EACH ROW EXECUTE FUNCTION audit.refuse_audit_log_change();

            REVOKE UPDATE, DELETE ON audit.audit_log FROM PUBLIC;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS audit_log_append_only ON audit.audit_log;
            DROP FUNCTION IF EXISTS audit.refuse_audit_log_change();
            """);
    }
}
