using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Data;

public sealed class MigrationTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_migrations_cover_the_whole_model()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration describes: regenerate Initial");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
