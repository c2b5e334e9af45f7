using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets.Queue;

public sealed class TicketQueueListTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Staff_of_hostel_A_list_only_hostel_A_and_admins_list_all()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var a = await desk.TicketAsync(Fixture, desk.HostelA);
        var b = await desk.TicketAsync(Fixture, desk.HostelB);
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();

        var staffA = await queue.ListAsync(desk.AsStaffA, new TicketQueueQuery());
        var admin = await queue.ListAsync(desk.AsAdmin, new TicketQueueQuery());
        var specialist = await queue.ListAsync(TicketTestData.As(desk.Specialist.UserId), new TicketQueueQuery());

        Assert.Equal([a.Id], staffA.Rows.Select(r => r.Id));
        Assert.Equal(1, staffA.Total);
        Assert.False(staffA.HasNext);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), admin.Rows.Select(r => r.Id).Order());
        Assert.Equal(new[] { a.Id, b.Id }.Order(), specialist.Rows.Select(r => r.Id).Order());   // category role: every hostel
    }

    [Fact]
    public async Task Filters_and_sort_hold_inside_the_scope()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var later = await desk.TicketAsync(Fixture, desk.HostelA, dueAt: now.AddHours(20), title: "Fan not working");
        var overdue = await desk.TicketAsync(Fixture, desk.HostelA, dueAt: now.AddHours(-2), title: "Tap leaking");
        var soon = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.StaffA, now.AddHours(1));
        await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Resolved, dueAt: now.AddHours(-50));
        await desk.TicketAsync(Fixture, desk.HostelB, dueAt: now.AddHours(-5));
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();

        var all = await queue.ListAsync(desk.AsStaffA, new TicketQueueQuery());
        var overdueOnly = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("overdue=true"));
        var mine = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("assignee=me"));
        var unassigned = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("assignee=none&sort=-due_at"));
        var text = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("q=fan"));
        var withResolved = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("status=all"));
        var secondPage = await queue.ListAsync(desk.AsStaffA, new TicketQueueQuery { PageSize = 2, Page = 2 });

        Assert.Equal([overdue.Id, soon.Id, later.Id], all.Rows.Select(r => r.Id));
        Assert.Equal([overdue.Id], overdueOnly.Rows.Select(r => r.Id));
        Assert.Equal([soon.Id], mine.Rows.Select(r => r.Id));
        Assert.Equal([later.Id, overdue.Id], unassigned.Rows.Select(r => r.Id));
        Assert.Equal([later.Id], text.Rows.Select(r => r.Id));
        Assert.Equal(4, withResolved.Total);
        Assert.True((await queue.ListAsync(desk.AsStaffA, new TicketQueueQuery { PageSize = 2 })).HasNext);
        Assert.Equal([later.Id], secondPage.Rows.Select(r => r.Id));
    }

    [Theory]
    [InlineData("due_at")]
    [InlineData("-due_at")]
    [InlineData("-created_at")]
    [InlineData("created_at")]
    [InlineData("-updated_at")]
    [InlineData("-escalation_level")]
    public async Task Every_sort_the_queue_offers_orders_the_scope_as_it_says(string sort)
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
            ids.Add((await desk.TicketAsync(Fixture, desk.HostelA, dueAt: now.AddHours(i % 2 == 0 ? 10 - i : -i))).Id);
        await using (var db = await Fixture.CreateDbContextAsync())
            for (var i = 0; i < ids.Count; i++)
                await db.Set<Ticket>().Where(t => t.Id == ids[i]).ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.CreatedAt, now.AddDays(-(i * 7 % 5)))
                    .SetProperty(t => t.UpdatedAt, now.AddMinutes(-(i * 3 % 5)))
                    .SetProperty(t => t.EscalationLevel, i % 3));
        List<Ticket> tickets;
        await using (var db = await Fixture.CreateDbContextAsync())
            tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
        var expected = sort switch
        {
            "-due_at" => tickets.OrderByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
            "-created_at" => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            "created_at" => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "-updated_at" => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            "-escalation_level" => tickets.OrderByDescending(t => t.EscalationLevel).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
            _ => tickets.OrderBy(t => t.DueAt).ThenBy(t => t.Id),
        };

        await using var scope = Scope();
        var page = await scope.ServiceProvider.GetRequiredService<TicketQueryService>()
            .ListAsync(desk.AsStaffA, TicketQueueQuery.FromQueryString("sort=" + sort));

        Assert.Equal(expected.Select(t => t.Id), page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Hostile_urls_read_a_page_instead_of_failing()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await desk.TicketAsync(Fixture, desk.HostelA);
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();

        var deep = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.From(page: "1000000"));
        var far = await queue.ListAsync(desk.AsStaffA, TicketQueueQuery.From(dueWithin: "2147483647"));
        var raw = await queue.ListAsync(desk.AsStaffA, new TicketQueueQuery { Page = int.MaxValue, DueWithinHours = int.MaxValue });

        Assert.Equal(AdminPortal.Data.ListDepth.LastPage(TicketQueueQuery.DefaultPageSize), deep.Page);
        Assert.Empty(deep.Rows);
        Assert.Single(far.Rows);
        Assert.Equal(deep.Page, raw.Page);
    }
}
