using AdminPortal.Data.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Data.SqlMigrations;

/// <summary>Each niche's influencer and brand counts, kept by triggers (<see cref="NicheLinkSql"/>, decision 0031), counted once here.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20270110000002_NicheLinkCounts")]
public sealed class NicheLinkCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(NicheLinkSql.Table + NicheLinkSql.Functions + NicheLinkSql.Triggers + NicheLinkSql.Rebuild);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(NicheLinkSql.Drop);
}
