using AdminPortal.Data.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>
/// reporting.vendor_integrations counts Algolia and Cloudinary apart (the list's Algolia and Cloudinary filters read
/// it too, decision 0036): dropped and made again with its triggers and counted once. On a database made after the
/// change the first migration already made this shape; doing it again is harmless.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270114000002_VendorIntegrationsPerService")]
public sealed class VendorIntegrationsPerService : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(VendorIntegrationSql.Drop + VendorIntegrationSql.Table + VendorIntegrationSql.Functions
                             + VendorIntegrationSql.Triggers + VendorIntegrationSql.Rebuild);

    protected override void Down(MigrationBuilder migrationBuilder) { }
}
