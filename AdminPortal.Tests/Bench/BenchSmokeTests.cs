using AdminPortal.Bench;
using AdminPortal.Data.Demo;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Bench;

/// <summary>The benchmark's measuring functions run on the small demo and return figures with the asked sample counts (no timing checks).</summary>
public sealed class BenchSmokeTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task List_count_and_search_figures_have_the_expected_samples()
    {
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(DemoScale.Demo);
        await using var bench = new BenchContext(Fixture.ConnectionString, "test", samples: 3, warmup: 1);
        var lists = new ListBenchmarks(bench);
        var shape = await lists.ShapeAsync();

        var listFigures = await lists.ListsAsync(shape);
        var counts = await lists.CountsAndSearchAsync();

        Assert.Equal(16 * 3, listFigures.Count);
        Assert.All(listFigures, f => Assert.Equal(3, f.Samples));
        Assert.Contains(listFigures, f => f.Note?.Contains("not yet the screen's service", StringComparison.Ordinal) == true);
        Assert.Equal(11, counts.Count);
        Assert.All(counts, f => Assert.Equal(3, f.Samples));
    }
    [Fact]
    public async Task Chat_figures_run_the_services_on_the_demo_data()
    {
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(DemoScale.Demo);
        await using var bench = new BenchContext(Fixture.ConnectionString, "test", samples: 3, warmup: 1);

        var figures = await new ChatBenchmarks(bench).RunAsync();

        Assert.Equal(3, figures.Select(f => f.Group).Distinct().Count());
        Assert.Contains(figures, f => f.Name.StartsWith("OlderAsync big group", StringComparison.Ordinal) && f.Samples == 3);
        Assert.Contains(figures, f => f.Name.StartsWith("list + member", StringComparison.Ordinal) && f.Samples == 3);
        Assert.Equal(3 * ChatBenchmarks.ScrollPages, figures.Single(f => f.Name == "per page while scrolling").Samples);
    }
}
