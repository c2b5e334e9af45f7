using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdminPortal.Tests.Features.Tickets;

/// <summary>Runs only when TICKETS_BENCH_CONNECTION names a database seeded at large scale.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(QueueBenchmark.Variable)))
            Skip = $"benchmark: set {QueueBenchmark.Variable} to a large-scale database";
    }
}

/// <summary>
/// Prints the queue's first-page latency for staff A (hostel scope) with each single filter: p50/p95 over 50 runs.
/// A benchmark, not a test: it asserts only that pages came back.
/// <c>TICKETS_BENCH_CONNECTION="Host=...;Database=...;..." dotnet test AdminPortal.Tests --filter QueueBenchmark --logger "console;verbosity=detailed"</c>
/// </summary>
public sealed class QueueBenchmark(ITestOutputHelper output)
{
    public const string Variable = "TICKETS_BENCH_CONNECTION";

    [BenchFact]
    public async Task Queue_first_page_latency_for_staff_A()
    {
        // hosted workers are registered but never started here: no host runs them
        await using var services = PostgresFixture.BuildServices(Environment.GetEnvironmentVariable(Variable)!, TimeProvider.System);
        int staffA;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            staffA = await db.Users.Where(u => u.Email == "staff.a@adminportal.demo").Select(u => u.Id).SingleAsync();
        var user = TicketDesk.As(staffA);
        string[] filters = ["", "status=OPEN", "category=2", "subcategory=5", "hostel=1", "assignee=me", "assignee=none",
            "escalated=true", "overdue=true", "due_within=24", "created_from=2026-01-01", "q=leak", "status=all",
            "sort=-created_at", "scope=my-categories"];
        foreach (var query in filters)
        {
            var filter = TicketFilter.FromQueryString(query);
            var times = new List<double>();
            TicketQueuePage? page = null;
            for (var i = 0; i < 105; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();
                var watch = Stopwatch.StartNew();
                page = await queue.ListAsync(user, filter);
                if (i >= 5)
                    times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine($"{(query.Length == 0 ? "(default)" : query),-24} p50 {times[times.Count / 2],6:F1} ms  p95 {times[(int)(times.Count * 0.95)],6:F1} ms  rows {page!.Rows.Count} {(page.HasNext ? "more pages" : $"total {page.Total}")}");
            Assert.NotNull(page);
        }
    }
}
