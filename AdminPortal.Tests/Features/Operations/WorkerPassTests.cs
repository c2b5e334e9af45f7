using System.Security.Claims;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Operations;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Features.Vendors;
using AdminPortal.Live;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Operations;

/// <summary>Each periodic worker records its passes (what it did, the next run, the instance), bounded by retention.</summary>
public sealed class WorkerPassTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ClaimsPrincipal _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        _admin = ProductTestData.Principal(await db.Users.Where(u => u.Email == "admin@adminportal.demo").Select(u => u.Id).SingleAsync());
    }

    private async Task<IReadOnlyList<AdminPortal.Features.Operations.SystemScreen.WorkerStatus>> WorkersAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AdminPortal.Features.Operations.SystemScreen.SystemQueryService>().WorkersAsync(_admin);
    }

    [Fact]
    public async Task Every_periodic_worker_records_its_pass_with_what_it_did_and_its_next_run_on_this_instance()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO helpdesk.outbox (event_type, payload) VALUES ('ticket.assigned', jsonb_build_object('ticket_id', 404))");
        var passes = new List<PassReport>();
        passes.Add(await Services.GetRequiredService<EscalationWorker>().RunPassAsync());
        passes.Add(await Services.GetRequiredService<OutboxDispatcher>().RunPassAsync());
        passes.Add(await Services.GetRequiredService<SubscriptionExpiryPass>().RunPassAsync());

        var workers = await WorkersAsync();

        Assert.Equal(["Escalation", "Outbox", "Subscription expiry"], workers.Select(w => w.Worker));
        var instance = Services.GetRequiredService<LiveInstance>().Id;
        Assert.All(workers, w => Assert.Equal(instance, w.Instance));
        var outbox = workers.Single(w => w.Worker == "Outbox");
        Assert.Equal("1 handled", outbox.Did);
        Assert.Equal(outbox.FinishedAt + passes[1].Interval, outbox.NextRunAt);
        Assert.Equal("0 escalated", workers.Single(w => w.Worker == "Escalation").Did);
        Assert.All(workers, w => Assert.False(w.Failed));
    }

    [Fact]
    public async Task Idle_passes_are_kept_to_the_newest_few_and_passes_that_did_something_or_failed_for_a_week()
    {
        var log = Services.GetRequiredService<WorkerPassLog>();
        var start = Fixture.Clock.GetUtcNow();
        var interval = TimeSpan.FromSeconds(30);
        await log.RecordAsync(new PassReport("Outbox", start, start, interval, new Dictionary<string, int> { ["handled"] = 4 }, null));
        await log.RecordAsync(new PassReport("Outbox", start.AddSeconds(30), start.AddSeconds(30), interval, new Dictionary<string, int>(), "connection refused"));
        for (var i = 2; i < WorkerPassLog.KeepIdle + 12; i++)
            await log.RecordAsync(new PassReport("Outbox", start.AddSeconds(30 * i), start.AddSeconds(30 * i), interval, new Dictionary<string, int> { ["handled"] = 0 }, null));
        // a pass recorded more than a week later drops every pass older than the week, notable or not
        var muchLater = start + WorkerPassLog.KeepNotable + TimeSpan.FromHours(1);

        await using var db = await Fixture.CreateDbContextAsync();
        var kept = await db.Set<WorkerPass>().AsNoTracking().OrderBy(p => p.FinishedAt).ToListAsync();
        var workers = await WorkersAsync();
        await log.RecordAsync(new PassReport("Outbox", muchLater, muchLater, interval, new Dictionary<string, int>(), null));
        var afterAWeek = await db.Set<WorkerPass>().AsNoTracking().CountAsync();

        Assert.Equal(WorkerPassLog.KeepIdle + 2, kept.Count);
        Assert.True(kept[0].Notable);
        Assert.Equal("connection refused", kept[1].Error);
        var outbox = Assert.Single(workers);
        Assert.False(outbox.Failed);
        Assert.Equal("connection refused", outbox.LastError);
        Assert.Equal(1, afterAWeek);
    }
}
