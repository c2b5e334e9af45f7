using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// The moderation queue searches title OR description with ILIKE '%text%'. The title has its trigram index in the
/// model; without one on the description the OR would read the whole products table. With both, PostgreSQL combines
/// the two GIN scans (BitmapOr).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270101000410_ProductDescriptionSearch")]
public sealed class ProductDescriptionSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS idx_products_description_trgm
                ON catalog.products USING gin (description gin_trgm_ops);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IF EXISTS catalog.idx_products_description_trgm;");
}
