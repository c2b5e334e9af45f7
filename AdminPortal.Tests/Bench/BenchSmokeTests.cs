using AdminPortal.Bench;
using AdminPortal.Data.Demo;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Bench;

/// <summary>The benchmark's measuring functions run on the small demo and return figures with the asked sample counts (no timing checks).</summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class BenchSmokeTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task List_count_and_search_figures_have_the_expected_samples()
    {
        await Fixture.SeedDemoAsync(DemoScale.Demo);
        await using var bench = new BenchContext(Fixture.ConnectionString, "test", samples: 3, warmup: 1);
        await using var portal = new PortalServices(Fixture.ConnectionString);
        var lists = new ListBenchmarks(bench, portal);
        var shape = await ListShape.ReadAsync(bench.DataSource);

        var listFigures = await lists.ListsAsync(shape);
        var counts = await lists.CountsAndSearchAsync();

        var cases = await ListCases.BuildAsync(portal, shape);
        Assert.Equal(cases.Count * 4, listFigures.Count);
        Assert.All(listFigures, f => Assert.Equal(3, f.Samples));
        Assert.All(listFigures.Where(f => f.Group.StartsWith("1a", StringComparison.Ordinal)),
            f => Assert.Contains("command(s)", f.Measures, StringComparison.Ordinal));
        Assert.DoesNotContain(listFigures, f => f.Measures.StartsWith("wall time of the service call (0 command(s)", StringComparison.Ordinal));
        Assert.Contains(counts, f => f.Name.Contains("command", StringComparison.Ordinal) && f.TargetP95 == 5);
        Assert.All(counts, f => Assert.Equal(3, f.Samples));
    }
    [Fact]
    public async Task Chat_figures_run_the_services_on_the_demo_data()
    {
        await Fixture.SeedDemoAsync(DemoScale.Demo);
        await using var bench = new BenchContext(Fixture.ConnectionString, "test", samples: 3, warmup: 1);

        var figures = await new ChatBenchmarks(bench).RunAsync();

        Assert.Equal(3, figures.Select(f => f.Group).Distinct().Count());
        Assert.Contains(figures, f => f.Name.StartsWith("OlderAsync big group", StringComparison.Ordinal) && f.Samples == 3);
        Assert.Contains(figures, f => f.Name.StartsWith("list + member", StringComparison.Ordinal) && f.Samples == 3);
        Assert.Equal(3 * ChatBenchmarks.ScrollPages, figures.Single(f => f.Name == "per page while scrolling").Samples);
    }
}
