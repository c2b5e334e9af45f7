using AdminPortal.Data.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>Each Venta user's vendors, subscriptions and active subscriptions, kept by triggers (<see cref="VendorOwnerSql"/>, decision 0036), counted once here.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270114000001_VendorOwners")]
public sealed class VendorOwners : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(VendorOwnerSql.Table + VendorOwnerSql.Functions + VendorOwnerSql.Triggers + VendorOwnerSql.Rebuild);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(VendorOwnerSql.Drop);
}
