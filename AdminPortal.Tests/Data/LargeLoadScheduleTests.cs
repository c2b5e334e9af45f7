using System.Collections.Concurrent;
using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Data.Rollups;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>
/// Issue 17, decision 0043: the large load starts each part as soon as the parts it waits for have committed, and the
/// rollups as soon as every part they count has, in pieces side by side that count what the one-transaction rebuild counts.
/// </summary>
public sealed class LargeLoadScheduleTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>Waits for the load's other parts: long enough never to end a test that works, short enough to end one that hangs.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_portals_parts_wait_only_for_lower_parts_and_the_chat_after_the_catalog_whose_truncate_empties_it()
    {
        using var scope = Scope();
        var parts = scope.ServiceProvider.GetServices<IDemoDataPart>().ToDictionary(p => p.Name);

        foreach (var part in parts.Values)
            Assert.All(part.LargeLoadAfter, name => Assert.True(parts[name].Order < part.Order, $"{part.Name} waits for {name}"));
        Assert.Equal([PlatformUsersDemo.PartName, CatalogDemo.PartName], parts["chat"].LargeLoadAfter);
        Assert.Equal([PlatformUsersDemo.PartName], parts["vendors (Venta)"].LargeLoadAfter);   // not the catalog: beside it
        Assert.Empty(parts["audit log"].LargeLoadAfter);
        // the rollups read every part but the chat, so they run beside it
        Assert.Equal(["chat"], parts.Values.Where(p => !p.RollupsRead).Select(p => p.Name));
    }

    [Fact]
    public async Task A_part_starts_after_the_parts_it_waits_for_beside_the_others_and_the_rollups_do_not_wait_for_parts_they_do_not_read()
    {
        LoadTimings.Clear();   // this test's own book of phases, which the load below records into (not another collection's load)
        var events = new ConcurrentQueue<string>();
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDemoDataPart[] parts =
        [
            new Part("first", 1, [], async _ =>
            {
                events.Enqueue("first start");
                await released.Task.WaitAsync(Guard);   // released by "beside": a load one part after another never gets there
                events.Enqueue("first end");
            }),
            new Part("beside", 2, [], _ =>
            {
                events.Enqueue("beside start");
                released.SetResult();
                return Task.CompletedTask;
            }),
            new Part("after first", 3, ["first"], _ =>
            {
                events.Enqueue("after first start");
                return Task.CompletedTask;
            }),
            new Part("not counted", 4, ["first"], async _ =>
            {
                // ends only once the rollups have run: they must not wait for it
                while (!LoadTimings.Snapshot().Any(p => p.Phase == "rollups"))
                    await Task.Delay(50).WaitAsync(Guard);
                events.Enqueue("not counted end");
            }, rollupsRead: false),
        ];

        await LoadAsync(parts).WaitAsync(Guard * 2);

        var order = events.ToList();
        Assert.True(order.IndexOf("beside start") < order.IndexOf("first end"));
        Assert.True(order.IndexOf("first end") < order.IndexOf("after first start"));
        Assert.Contains("not counted end", order);
        Assert.Equal(RollupRebuild.Pieces.Select(p => $"rollups: {p.Name}").Order(),
            LoadTimings.Snapshot().Select(p => p.Phase).Where(p => p.StartsWith("rollups: ", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_failed_part_is_named_with_its_own_error_not_the_cancellation_of_the_parts_beside_it()
    {
        var started = new ConcurrentQueue<string>();
        IDemoDataPart[] parts =
        [
            new Part("waiting", 1, [], async ct =>
            {
                started.Enqueue("waiting");
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);   // stopped by the other part's failure
            }),
            new Part("broken", 2, [], async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("boom");
            }),
            new Part("after broken", 3, ["broken"], _ =>
            {
                started.Enqueue("after broken");
                return Task.CompletedTask;
            }),
        ];

        var e = await Assert.ThrowsAsync<CommandException>(() => LoadAsync(parts).WaitAsync(Guard));

        Assert.Contains("phase 'broken': boom", e.Message);
        Assert.DoesNotContain("after broken", started);
    }

    [Fact]
    public async Task The_rollup_pieces_side_by_side_count_what_the_rebuild_in_one_transaction_counts()
    {
        await Fixture.SeedDemoAsync(reset: true);
        await using var source = DataSetup.BuildDataSource(Fixture.OwnerConnectionString);
        await RollupRebuild.RunAsync(source);
        var once = await RollupsAsync();

        await RollupRebuild.RunSideBySideAsync(source, (_, _) => { }, CancellationToken.None);

        Assert.Contains(once, r => r.StartsWith("reporting.moderation_daily ", StringComparison.Ordinal));
        Assert.Contains(once, r => r.StartsWith("reporting.ticket_daily ", StringComparison.Ordinal));
        Assert.Equal(once, await RollupsAsync());
    }

    [Fact]
    public async Task Loads_side_by_side_in_one_process_keep_their_own_phases()
    {
        // two loads' steps interleaved: both start their book, then both record, then both read
        using var step = new Barrier(2);
        Task<List<string>> LoadOf(string name) => Task.Run(() =>
        {
            LoadTimings.Clear();
            Assert.True(step.SignalAndWait(Guard));
            LoadTimings.Record($"{name} phase", TimeSpan.Zero);
            Assert.True(step.SignalAndWait(Guard));
            return LoadTimings.Snapshot().Select(p => p.Phase).ToList();
        });

        var phases = await Task.WhenAll(LoadOf("a"), LoadOf("b"));

        Assert.Equal(["a phase"], phases[0]);
        Assert.Equal(["b phase"], phases[1]);
    }

    /// <summary>Every row of every reporting table, as text.</summary>
    private async Task<List<string>> RollupsAsync()
    {
        var tables = await Sql.ColumnAsync(Fixture, "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_schema = 'reporting' AND table_type = 'BASE TABLE' ORDER BY 1");
        var rows = new List<string>();
        foreach (var table in tables)
            rows.AddRange((await Sql.ColumnAsync(Fixture, $"SELECT t::text FROM {table} t")).Select(r => $"{table} {r}").Order(StringComparer.Ordinal));
        return rows;
    }

    /// <summary>The large load of <paramref name="parts"/> after the demo accounts, as the seed verb runs it (privileged connection).</summary>
    private async Task LoadAsync(IReadOnlyList<IDemoDataPart> parts)
    {
        var container = PortalComposition.WithoutHost(Fixture.Database.PrivilegedConnectionString);
        container.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development", ApplicationName = "AdminPortal" });
        await using var services = container.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var demo = new DemoData(s.GetRequiredService<IDbContextFactory<PortalDbContext>>(), s.GetRequiredService<NpgsqlDataSource>(),
            s.GetRequiredService<DemoAccounts>(), parts, NullLogger<DemoData>.Instance);
        await demo.SeedAsync(DemoScale.Large, reset: true);
    }

    private sealed class Part(string name, int order, string[] after, Func<CancellationToken, Task> load, bool rollupsRead = true) : IDemoDataPart
    {
        public int Order => order;
        public string Name => name;
        public IReadOnlyList<string> LargeLoadAfter => after;
        public bool RollupsRead => rollupsRead;
        public Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct) => load(ct);
    }
}
