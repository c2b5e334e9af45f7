using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// "Decided by me" (decision 0054) reads a moderator's decided products of the window first: a partial index of the
/// decisions alone (the three actions the rollups count, on products), by actor and time, carrying the product id, so
/// that read is index-only instead of a heap fetch per audit record among all of the actor's records (decision 0056).
/// The query writes the same constants (<c>ProductFilters.Decisions</c>) so the planner proves the predicate.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270126000001_AuditDecisionsIndex")]
public sealed class AuditDecisionsIndex : Migration
{
    public const string Name = "ix_audit_log_decisions";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS ix_audit_log_decisions ON audit.audit_log (actor_id, at DESC) INCLUDE (entity_id)
                WHERE entity_type = 'product' AND action IN ('product.approve', 'product.reject', 'product.request_changes');
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS audit.ix_audit_log_decisions;");
}
