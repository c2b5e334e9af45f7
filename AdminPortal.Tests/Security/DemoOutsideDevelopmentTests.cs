using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AdminPortal.Tests.Security;

/// <summary>`seed`, `seed --reset` and the demo accounts (published password) refuse to run outside Development.</summary>
public sealed class DemoOutsideDevelopmentTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private async Task WriteAuditRecordAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        Get<AuditTrail>().Add(db, new AuditActor(null, "tester", "10.0.0.1"), "user.lock", "user", "3", null, new { locked = true }, "kept");
        await db.SaveChangesAsync();
    }

    private async Task<(long Users, long Audit)> CountsAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return (await db.Users.LongCountAsync(), await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().LongCountAsync());
    }

    [Theory]
    [InlineData("Production", new[] { "seed" })]
    [InlineData("Production", new[] { "seed", "--reset" })]
    [InlineData("Staging", new[] { "seed", "--scale", "large", "--reset" })]
    public async Task The_seed_verb_refuses_outside_Development_with_a_clear_message_and_changes_nothing(string environment, string[] args)
    {
        await WriteAuditRecordAsync();
        var command = PortalCommand.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tickets:RunWorkers"] = "false" });
        builder.Services.AddPortalServices(builder.Configuration, Fixture.Database);
        await using var app = builder.Build();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exit;
        try { exit = await command.RunAsync(app); }
        finally { Console.SetError(original); }

        Assert.Equal(1, exit);
        Assert.Contains("only in Development", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(environment, error.ToString(), StringComparison.Ordinal);
        Assert.Equal((0L, 1L), await CountsAsync());   // no demo account made, the audit log not emptied
    }

    [Fact]
    public async Task The_demo_load_refuses_outside_Development_before_emptying_anything()
    {
        await WriteAuditRecordAsync();
        var error = await Assert.ThrowsAsync<CommandException>(() =>
            DemoData.SeedPrivilegedAsync(Fixture.Database, Environments.Production, DemoScale.Demo, reset: true));
        Assert.Contains("only in Development", error.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 1L), await CountsAsync());
    }

    [Fact]
    public async Task The_demo_accounts_refuse_to_be_created_in_a_Production_host()
    {
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock, s =>
            s.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production }));
        await using var scope = services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<CommandException>(() => scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync());
        Assert.Contains("create-admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, (await CountsAsync()).Users);
    }

    [Fact]
    public void Development_is_allowed() => DemoAccounts.EnsureDevelopment(Environments.Development);
}
