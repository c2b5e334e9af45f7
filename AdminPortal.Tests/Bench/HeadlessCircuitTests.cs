using System.Collections.Concurrent;
using AdminPortal.Bench.CircuitClient;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Bench;

/// <summary>
/// The benchmark's headless circuit client (decision 0037) against the real portal pipeline: circuits opened without a
/// browser render, and an approval through the real service reaches each of them as a render batch that brings in
/// the row sliding up into the queue. Not timed: the waits are bounds.
/// </summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class HeadlessCircuitTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Circuits_opened_without_a_browser_render_and_an_approval_reaches_each_of_them()
    {
        var data = await new ProductTestData(Fixture).SeedAsync();
        for (var i = 1; i <= ProductQueueQuery.DefaultPageSize + 1; i++)
            await data.AddAsync(title: $"Headless circuit product {i:00}");
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        ProductPage shown;
        await using (var scope = host.Services.CreateAsyncScope())
            shown = await scope.ServiceProvider.GetRequiredService<ProductQueryService>()
                .GetPageAsync(data.Moderator, new ProductQueueQuery { PageSize = ProductQueueQuery.DefaultPageSize + 1 });
        var (top, next) = (shown.Rows[0], shown.Rows[^1]);   // the queue shows 25: approving the top brings in the 26th

        using var session = await PortalSession.SignInAsync(host.Address, "moderator@adminportal.demo", DemoAccounts.Password);
        var journal = new CircuitJournal();
        var circuits = new List<HeadlessCircuit>();
        var seen = new ConcurrentDictionary<HeadlessCircuit, bool>();
        try
        {
            for (var i = 0; i < 3; i++)
                circuits.Add(await HeadlessCircuit.OpenAsync(session, "/products", journal));
            Assert.All(circuits, c => Assert.False(string.IsNullOrEmpty(c.CircuitId)));
            Assert.All(circuits, c => Assert.True(c.Batches >= 1, "the circuit's first render batch arrived"));
            Assert.Equal(3, host.Services.GetRequiredService<LiveInstance>().OpenCircuits);
            Assert.Contains(journal.JsCalls.Keys, k => k == "Blazor._internal.attachWebRendererInterop");
            // a page subscribes to the live feed after its first interactive render (LiveComponentBase.OnAfterRenderAsync,
            // once the client acknowledged that batch): wait until the feed's subscriptions stop growing, so the approval
            // below is not published before the last circuit listens (bounded; on a busy machine the acks come late)
            var feed = host.Services.GetRequiredService<IChangeFeed>();
            var (last, steadySince, settle) = (-1, DateTime.UtcNow, DateTime.UtcNow.AddSeconds(30));
            while (DateTime.UtcNow < settle && (feed.SubscriberCount != last || DateTime.UtcNow - steadySince < TimeSpan.FromSeconds(1)))
            {
                if (feed.SubscriberCount != last)
                    (last, steadySince) = (feed.SubscriberCount, DateTime.UtcNow);
                await Task.Delay(50);
            }
            foreach (var c in circuits)
                c.BatchReceived += (circuit, batch) =>
                {
                    if (RenderBatchStrings.Read(batch).Contains(next.Title))
                        seen[circuit] = true;
                };

            await using (var scope = host.Services.CreateAsyncScope())
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<ProductModeration>()
                    .DecideAsync(data.Moderator, new ProductDecision(top.Id, ModerationAction.Approve));
                Assert.True(outcome.Succeeded, outcome.Message);
            }
            var bound = DateTime.UtcNow.AddSeconds(30);
            while (seen.Count < circuits.Count && DateTime.UtcNow < bound)
                await Task.Delay(100);

            Assert.All(circuits, c => Assert.True(seen.ContainsKey(c), $"circuit {circuits.IndexOf(c)} rendered '{next.Title}' after the approval"));
            Assert.Empty(journal.Errors);
            Assert.All(circuits, c => Assert.Null(c.Error));
        }
        finally
        {
            foreach (var c in circuits)
                await c.DisposeAsync();
        }
    }

    [Fact]
    public void A_prerendered_page_gives_its_server_markers_in_order_and_its_persisted_state()
    {
        const string html = """
            <html><head><!--Blazor:{"type":"server","prerenderId":"a1","key":{"locationHash":"h1","formattedComponentKey":""},"sequence":0,"descriptor":"CfDJ8one"}--><title>x</title><!--Blazor:{"prerenderId":"a1"}--></head>
            <body><!--Blazor:{"type":"server","prerenderId":"b2","key":{"locationHash":"h2","formattedComponentKey":""},"sequence":1,"descriptor":"CfDJ8two"}--><main></main><!--Blazor:{"prerenderId":"b2"}-->
            <!--Blazor-Server-Component-State:c3RhdGU=--></body></html>
            """;
        var page = PrerenderedPage.Parse(html);

        Assert.Equal(2, page.ServerMarkers.Count);
        Assert.Contains("CfDJ8one", page.ServerMarkers[0], StringComparison.Ordinal);
        Assert.Contains("CfDJ8two", page.ServerMarkers[1], StringComparison.Ordinal);
        Assert.Equal("c3RhdGU=", page.ApplicationState);
        using var ops = System.Text.Json.JsonDocument.Parse(page.AddOperations());
        var second = ops.RootElement.GetProperty("operations")[1];
        Assert.Equal("add", second.GetProperty("type").GetString());
        Assert.Equal(2, second.GetProperty("ssrComponentId").GetInt32());
        Assert.Equal("CfDJ8two", second.GetProperty("marker").GetProperty("descriptor").GetString());
    }
}
