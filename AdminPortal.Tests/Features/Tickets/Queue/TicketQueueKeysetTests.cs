using System.Security.Claims;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets.Queue;

/// <summary>Next and Previous read after/before a ticket (decision 0038): the same rows as numbered pages.</summary>
public sealed class TicketQueueKeysetTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private const int Size = 3;

    // 11 tickets of hostel A (three statuses, ties on every sort key, two without a due time), one of hostel B assigned
    // to staff A (in scope through the assignee branch), two of hostel B not in staff A's scope
    private async Task<(TicketTestData Desk, List<int> InScope, List<int> OutOfScope)> QueueAsync()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var statuses = new[] { TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Reopened };
        var inScope = new List<int>();
        for (var i = 0; i < 11; i++)
            inScope.Add((await desk.TicketAsync(Fixture, desk.HostelA, statuses[i % 3], dueAt: now.AddHours(i / 3))).Id);
        inScope.Add((await desk.TicketAsync(Fixture, desk.HostelB, TicketStatus.InProgress, desk.StaffA, now.AddHours(1))).Id);
        var outOfScope = new List<int>
        {
            (await desk.TicketAsync(Fixture, desk.HostelB, dueAt: now.AddHours(1))).Id,
            (await desk.TicketAsync(Fixture, desk.HostelB, dueAt: now.AddHours(2))).Id,
        };
        await using var db = await Fixture.CreateDbContextAsync();
        for (var i = 0; i < inScope.Count; i++)
            await db.Set<Ticket>().Where(t => t.Id == inScope[i]).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.CreatedAt, now.AddDays(-(i % 4)))
                .SetProperty(t => t.UpdatedAt, now.AddMinutes(-(i % 2)))
                .SetProperty(t => t.EscalationLevel, i % 3 == 0 ? 1 : 0));
        // no writer leaves due_at empty, but the column allows it: the order puts them last (first descending)
        await db.Set<Ticket>().Where(t => t.Id == inScope[4] || t.Id == inScope[7]).ExecuteUpdateAsync(u => u.SetProperty(t => t.DueAt, (DateTime?)null));
        return (desk, inScope, outOfScope);
    }

    [Theory]
    [InlineData("due_at")]
    [InlineData("-due_at")]
    [InlineData("-created_at")]
    [InlineData("created_at")]
    [InlineData("-updated_at")]
    [InlineData("-escalation_level")]
    public async Task Next_and_Previous_read_the_same_pages_as_their_numbers(string sort)
    {
        var (desk, inScope, outOfScope) = await QueueAsync();
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();
        var view = TicketQueueQuery.FromQueryString("sort=" + sort) with { PageSize = Size };
        var whole = (await queue.ListAsync(desk.AsStaffA, view with { PageSize = 50 })).Rows.Select(r => r.Id).ToList();

        var byNumber = new List<List<int>>();
        for (var page = 1; page <= 5; page++)
            byNumber.Add((await queue.ListAsync(desk.AsStaffA, view with { Page = page })).Rows.Select(r => r.Id).ToList());
        var forward = await WalkBothWaysAsync(queue, desk.AsStaffA, view, whole);

        Assert.Equal(inScope.Order(), whole.Order());
        Assert.DoesNotContain(whole, outOfScope.Contains);
        Assert.Equal(byNumber.Where(p => p.Count > 0).Select(p => string.Join(',', p)), forward.Select(p => string.Join(',', p.Ids)));
        Assert.Equal(forward.Select(p => p.Page), Enumerable.Range(1, 4));
    }

    [Theory]
    [InlineData("sort=due_at")]
    [InlineData("sort=-due_at")]
    [InlineData("sort=due_at&status=all")]
    [InlineData("sort=due_at&overdue=1")]
    public async Task An_admins_whole_desk_in_due_order_is_read_per_status_with_the_same_pages_by_cursor_and_number(string query)
    {
        var (desk, inScope, outOfScope) = await QueueAsync();
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();
        var view = TicketQueueQuery.FromQueryString(query) with { PageSize = Size };
        Assert.True(TicketQueryService.OnlyDueOrder(view));   // the one-branch read (decision 0049), not per hostel
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            // a resolved ticket and one past its due time without a pause: what "every status" and "overdue" add or keep
            await db.Set<Ticket>().Where(t => t.Id == outOfScope[0]).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, TicketStatus.Resolved));
            await db.Set<Ticket>().Where(t => t.Id == inScope[2]).ExecuteUpdateAsync(u => u.SetProperty(t => t.DueAt, now.AddHours(-3)));
        }
        var statuses = view.EffectiveStatuses.ToList();
        List<Ticket> expected;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var all = await db.Set<Ticket>().AsNoTracking().Where(t => statuses.Contains(t.Status)).ToListAsync();
            if (view.Overdue)
                all = all.Where(t => t.DueAt < now && t.PausedAt == null && TicketStatuses.ClockRunning.Contains(t.Status)).ToList();
            // PostgreSQL's order: NULLs last ascending, first descending
            expected = view.Sort == TicketSort.DueDesc
                ? all.OrderBy(t => t.DueAt is null ? 0 : 1).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Id).ToList()
                : all.OrderBy(t => t.DueAt is null ? 1 : 0).ThenBy(t => t.DueAt).ThenBy(t => t.Id).ToList();
        }

        var whole = (await queue.ListAsync(desk.AsAdmin, view with { PageSize = 50 })).Rows.Select(r => r.Id).ToList();
        await WalkBothWaysAsync(queue, desk.AsAdmin, view, whole);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(t => t.Id), whole);
        Assert.Equal(view.AllStatuses, whole.Contains(outOfScope[0]));
    }

    [Theory]
    [InlineData("sort=due_at&assignee=none")]
    [InlineData("sort=due_at&q=wifi")]
    [InlineData("sort=-created_at")]
    [InlineData("sort=due_at&subcategory=3")]
    public void Other_views_of_an_admin_keep_their_per_hostel_reads(string query) =>
        Assert.False(TicketQueryService.OnlyDueOrder(TicketQueueQuery.FromQueryString(query)));

    [Fact]
    public async Task A_cursor_outside_the_scope_or_on_the_first_page_is_ignored()
    {
        var (desk, inScope, outOfScope) = await QueueAsync();
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();
        var view = new TicketQueueQuery { PageSize = Size };

        var second = await queue.ListAsync(desk.AsStaffA, view with { Page = 2 });
        var foreign = await queue.ListAsync(desk.AsStaffA, view with { Page = 2, After = outOfScope[0] });
        var first = await queue.ListAsync(desk.AsStaffA, view with { Page = 1, After = inScope[5] });
        var top = await queue.ListAsync(desk.AsStaffA, view);

        Assert.Equal(second.Rows.Select(r => r.Id), foreign.Rows.Select(r => r.Id));
        Assert.Equal(top.Rows.Select(r => r.Id), first.Rows.Select(r => r.Id));
        Assert.Equal("?page=2&after=" + inScope[5], (view with { Page = 2, After = inScope[5] }).ToQueryString());
        Assert.Equal("", (view with { After = inScope[5] }).ToQueryString());
    }

    [Fact]
    public async Task A_ticket_that_changed_keeps_the_page_after_it_where_the_ticket_now_is()
    {
        var (desk, inScope, _) = await QueueAsync();
        await using var scope = Scope();
        var queue = scope.ServiceProvider.GetRequiredService<TicketQueryService>();
        var view = new TicketQueueQuery { PageSize = Size };
        var page1 = await queue.ListAsync(desk.AsStaffA, view);
        var last = page1.Rows[^1].Id;
        var latest = (await queue.ListAsync(desk.AsStaffA, view with { PageSize = 50 })).Rows.Last(r => r.DueAt is not null).DueAt!.Value;
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<Ticket>().Where(t => t.Id == last).ExecuteUpdateAsync(u => u.SetProperty(t => t.DueAt, latest.AddHours(1)));

        var next = await queue.ListAsync(desk.AsStaffA, view with { Page = 2, After = last });

        Assert.Equal(2, next.Rows.Count);   // only the two undated tickets sort after its new due time
        Assert.All(next.Rows, r => Assert.Null(r.DueAt));
        Assert.Contains(inScope[4], next.Rows.Select(r => r.Id));
    }

    private sealed record Step(TicketQueueQuery Query, List<int> Ids, int Page, bool HasNext);

    // walks Next to the last page and Previous back to the first: together they read the whole list once, in order
    private static async Task<List<Step>> WalkBothWaysAsync(TicketQueryService queue, ClaimsPrincipal who, TicketQueueQuery view,
        List<int> whole)
    {
        var forward = await WalkAsync(queue, who, view, forward: true);
        var backward = await WalkAsync(queue, who, forward.Last().Query, forward: false);
        Assert.Equal(whole, forward.SelectMany(p => p.Ids));
        Assert.False(forward.Last().HasNext);
        Assert.Equal(forward.Select(p => string.Join(',', p.Ids)).Reverse(), backward.Select(p => string.Join(',', p.Ids)));
        Assert.Equal(1, backward.Last().Page);
        return forward;
    }

    // clicks Next (or Previous) until there is no further page, the way the page's state builds each link
    private static async Task<List<Step>> WalkAsync(TicketQueryService queue, ClaimsPrincipal who, TicketQueueQuery start, bool forward)
    {
        var steps = new List<Step>();
        var state = new TicketQueueState();
        var query = start;
        while (steps.Count < 10)
        {
            state.Navigate(query);
            var page = await queue.ListAsync(who, query);
            state.Loaded(page);
            steps.Add(new Step(query, page.Rows.Select(r => r.Id).ToList(), page.Page, page.HasNext));
            if (forward ? !page.HasNext : page.Page == 1)
                break;
            query = state.OnPage(page.Page + (forward ? 1 : -1));
            if (!forward && page.Page == 2)
                Assert.Null(query.Before);   // the first page is read by its number
        }
        return steps;
    }
}
