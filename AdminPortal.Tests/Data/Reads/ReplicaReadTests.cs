using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Features.Products;
using AdminPortal.Live;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Shared;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Tests.Data.Reads;

/// <summary>
/// Reads from a real streaming standby (decision 0041): lists read there, writes go to the primary, the user who just
/// acted reads their own change even while the standby lags, another user reads what the standby has replayed, and a
/// standby that is down leaves reads on the primary.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaReadTests(ReplicaFixture fixture) : DatabaseTest(fixture)
{
    private readonly ReplicaFixture _replica = fixture;
    private ProductTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new ProductTestData(Fixture).SeedAsync();
    }

    private static Task<bool> InRecoveryAsync(PortalDbContext db) =>
        db.Database.SqlQuery<bool>($"SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync();

    private async Task<IReadOnlyList<string>> SuggestionsAsync(ClaimsPrincipal who)
    {
        await using var scope = Scope();
        var page = await scope.ServiceProvider.GetRequiredService<ProductQueryService>().GetPageAsync(who, ProductQueueQuery.Default);
        return page.Rows.Select(r => r.Id).ToList();
    }

    private async Task<Outcome> ApproveAsync(ClaimsPrincipal who, Product product)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ProductModeration>()
            .DecideAsync(who, new ProductDecision(product.Id, ModerationAction.Approve, product.Version, "Looks right"));
    }

    [Fact]
    public async Task Read_contexts_are_on_the_standby_and_write_contexts_on_the_primary()
    {
        var reads = Get<ReadDbContextFactory>();
        Assert.True(reads.HasReplica);
        await using (var read = await reads.CreateDbContextAsync(_data.Moderator))
            Assert.True(await InRecoveryAsync(read));
        await using var write = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await InRecoveryAsync(write));
        Assert.IsType<PostgresChangeFeed>(Get<IChangeFeed>());   // still the feed the dashboard and /healthz recognise
        Assert.Equal(HealthStatus.Healthy, (await ReadsHealthAsync()).Status);
    }

    private async Task<HealthReportEntry> ReadsHealthAsync() =>
        (await Get<HealthCheckService>().CheckHealthAsync(c => c.Name == "reads")).Entries["reads"];

    [Fact]
    public async Task Without_a_read_only_connection_string_reads_go_to_the_primary()
    {
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);
        var reads = services.GetRequiredService<ReadDbContextFactory>();
        Assert.False(reads.HasReplica);
        await using var read = await reads.CreateDbContextAsync(_data.Moderator);
        Assert.False(await InRecoveryAsync(read));
    }

    [Fact]
    public async Task A_list_reads_what_the_standby_has_replayed()
    {
        await _replica.Standby.CatchUpAsync();
        await _replica.Standby.PauseReplayAsync();
        try
        {
            var added = await _data.AddAsync();   // on the primary, by nobody: no one's read waits for it
            Assert.DoesNotContain(added.Id, await SuggestionsAsync(_data.Moderator2));

            await _replica.Standby.ResumeReplayAsync();
            await _replica.Standby.CatchUpAsync();
            Assert.Contains(added.Id, await SuggestionsAsync(_data.Moderator2));
        }
        finally
        {
            await _replica.Standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task While_the_standby_lags_the_moderator_who_acted_sees_the_decision_and_another_sees_it_after_the_lag()
    {
        var product = await _data.AddAsync();
        await _replica.Standby.CatchUpAsync();
        Assert.Contains(product.Id, await SuggestionsAsync(_data.Moderator2));
        await _replica.Standby.PauseReplayAsync();
        try
        {
            // the write goes to the primary (a standby refuses it: read-only transaction)
            Assert.Equal(OutcomeKind.Done, (await ApproveAsync(_data.Moderator, product)).Kind);
            Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(product.Id)).PublishingStatus);

            Assert.DoesNotContain(product.Id, await SuggestionsAsync(_data.Moderator));   // read-your-writes: current
            Assert.Contains(product.Id, await SuggestionsAsync(_data.Moderator2));        // behind by the lag

            // past the window the moderator reads from the standby like anyone else (decision 0041)
            Fixture.Clock.Advance(RecentWrites.Window + TimeSpan.FromSeconds(1));
            Assert.Contains(product.Id, await SuggestionsAsync(_data.Moderator));

            await _replica.Standby.ResumeReplayAsync();
            await _replica.Standby.CatchUpAsync();
            Assert.DoesNotContain(product.Id, await SuggestionsAsync(_data.Moderator2));
        }
        finally
        {
            await _replica.Standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task A_reload_after_a_change_event_reads_the_change_even_while_the_standby_lags()
    {
        var product = await _data.AddAsync();
        await _replica.Standby.CatchUpAsync();
        await _replica.Standby.PauseReplayAsync();
        try
        {
            Assert.Equal(OutcomeKind.Done, (await ApproveAsync(_data.Moderator, product)).Kind);
            await using var scope = Scope();
            var queue = scope.ServiceProvider.GetRequiredService<ProductQueryService>();
            // the other moderator's own read is behind; the reload their screen makes on the event is not
            Assert.Contains(product.Id, (await queue.GetPageAsync(_data.Moderator2, ProductQueueQuery.Default)).Rows.Select(r => r.Id));
            var reloaded = await queue.GetPageAfterChangeAsync(_data.Moderator2, ProductQueueQuery.Default);
            Assert.DoesNotContain(product.Id, reloaded.Rows.Select(r => r.Id));
        }
        finally
        {
            await _replica.Standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task Once_the_standby_has_replayed_the_write_the_moderator_who_acted_reads_there_again()
    {
        var product = await _data.AddAsync();
        Assert.Equal(OutcomeKind.Done, (await ApproveAsync(_data.Moderator, product)).Kind);
        await _replica.Standby.CatchUpAsync();
        await using var read = await Get<ReadDbContextFactory>().CreateDbContextAsync(_data.Moderator);
        Assert.True(await InRecoveryAsync(read));
    }

    [Fact]
    public async Task With_the_standby_down_reads_fall_back_to_the_primary()
    {
        var product = await _data.AddAsync();
        await _replica.Standby.CatchUpAsync();
        Assert.Contains(product.Id, await SuggestionsAsync(_data.Moderator2));   // the pool now holds a standby connection
        await _replica.Standby.StopAsync();
        try
        {
            Assert.Contains(product.Id, await SuggestionsAsync(_data.Moderator2));
            // Npgsql's prefer-standby itself lands on the primary named last in the list
            await using var read = await Get<ReadReplica>().TryOpenAsync(null, CancellationToken.None);
            Assert.NotNull(read);
            Assert.False(await InRecoveryAsync(read));
            Assert.Equal(HealthStatus.Degraded, (await ReadsHealthAsync()).Status);   // /healthz: reads on the primary
        }
        finally
        {
            await _replica.Standby.StartAsync();
            await _replica.Standby.CatchUpAsync();
            await _replica.ReadsOnTheStandbyAsync();
        }
    }
}
