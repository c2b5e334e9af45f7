using AdminPortal.Data.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>Each Venta user's vendors, subscriptions and active subscriptions (<see cref="VendorOwnerSql"/>) and the brands per
/// verification state (<see cref="BrandStateSql"/>) and each vendor's integrations (<see cref="VendorIntegrationSql"/>), kept by triggers (decision 0036), counted once here.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270114000001_VendorOwnersAndBrandStates")]
public sealed class VendorOwnersAndBrandStates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(VendorOwnerSql.Table + VendorOwnerSql.Functions + VendorOwnerSql.Triggers + VendorOwnerSql.Rebuild
            + BrandStateSql.Table + BrandStateSql.Functions + BrandStateSql.Triggers + BrandStateSql.Rebuild
            + VendorIntegrationSql.Table + VendorIntegrationSql.Functions + VendorIntegrationSql.Triggers + VendorIntegrationSql.Rebuild);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(VendorIntegrationSql.Drop + BrandStateSql.Drop + VendorOwnerSql.Drop);
}
