using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdminPortal.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without starting a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        using var dataSource = DataSetup.BuildDataSource("Host=127.0.0.1;Database=design_time");
        var options = DataSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), dataSource);
        return new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options);
    }
}
