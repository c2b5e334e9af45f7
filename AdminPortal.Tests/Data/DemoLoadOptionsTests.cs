using AdminPortal.Data.Demo;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Data;

/// <summary>Issue 17: <c>seed --only PART</c> loads only the parts named; a name that is no part is refused before anything is emptied.</summary>
public sealed class DemoLoadOptionsTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Only_the_named_part_loads_after_the_accounts()
    {
        await DemoData.SeedPrivilegedAsync(Fixture.Database, "Development", DemoScale.Demo, reset: true, CancellationToken.None,
            options: new DemoLoadOptions(["helpdesk"]));

        await using var db = await Fixture.CreateDbContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.Email == "admin@adminportal.demo"));   // the demo accounts always
        Assert.True(await db.Set<AdminPortal.Features.Tickets.Model.Ticket>().AnyAsync());                                         // the helpdesk part
        Assert.Equal("0", (await Sql.ColumnAsync(Fixture, "SELECT count(*)::text FROM catalog.products")).Single());   // not the catalog
    }

    [Fact]
    public async Task A_name_that_is_no_part_is_refused_and_the_data_stays()
    {
        await DemoData.SeedPrivilegedAsync(Fixture.Database, "Development", DemoScale.Demo, reset: true, CancellationToken.None,
            options: new DemoLoadOptions(["helpdesk"]));
        var e = await Assert.ThrowsAsync<CommandException>(() => DemoData.SeedPrivilegedAsync(Fixture.Database, "Development",
            DemoScale.Demo, reset: true, CancellationToken.None, options: new DemoLoadOptions(["audit logs"])));

        Assert.Contains("'audit logs'", e.Message);
        Assert.Contains("'audit log'", e.Message);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.True(await db.Set<AdminPortal.Features.Tickets.Model.Ticket>().AnyAsync());
    }
}
