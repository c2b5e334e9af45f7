using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;

namespace AdminPortal.Tests.Features.Tickets.Queue;

public sealed class TicketQueueQueryTests
{
    [Fact]
    public void Every_filter_survives_a_round_trip_through_the_url()
    {
        var query = new TicketQueueQuery
        {
            Statuses = [TicketStatus.Open, TicketStatus.AwaitingStudentResponse], CategoryId = 3, SubcategoryId = 7,
            HostelId = 2, Assignee = "none", Escalated = true, EscalationLevel = 2, Overdue = true, DueWithinHours = 24,
            CreatedFrom = new DateOnly(2026, 1, 5), CreatedTo = new DateOnly(2026, 2, 1), Text = "fan & light",
            MyCategories = true, Sort = TicketSort.CreatedDesc, Page = 3,
        };

        var back = TicketQueueQuery.FromQueryString(query.ToQueryString());

        Assert.Equal(query.ToQueryString(), back.ToQueryString());
        Assert.Equal(query.Statuses, back.Statuses);
        Assert.Equal(("none", 2, 24, "fan & light", TicketSort.CreatedDesc, 3),
            (back.Assignee, back.EscalationLevel, back.DueWithinHours, back.Text, back.Sort, back.Page));
        Assert.Equal(new DateOnly(2026, 1, 5), back.CreatedFrom);
        Assert.True(back.Escalated && back.Overdue && back.MyCategories);
    }

    [Fact]
    public void The_default_view_has_an_empty_query_string_and_saved_views_leave_the_page_out()
    {
        Assert.Equal("", new TicketQueueQuery().ToQueryString());
        Assert.Equal("status=all", new TicketQueueQuery { AllStatuses = true, Page = 4 }.ToViewString());
        Assert.True(new TicketQueueQuery { AllStatuses = true, Page = 4 }.SameViewAs(TicketQueueQuery.FromQueryString("?status=all")));
        Assert.Equal(2, TicketQueueQuery.FromQueryString("assignee=me&overdue=true&sort=-due_at").ActiveFilterCount);
    }

    [Fact]
    public void A_page_past_the_depth_cap_opens_the_last_page_the_cap_allows()
    {
        var query = TicketQueueQuery.From(page: "1000000");

        Assert.Equal(ListDepth.LastPage(TicketQueueQuery.DefaultPageSize), query.Page);
        Assert.Equal(query.Page, query.SafePage);
        Assert.Equal(ListDepth.LastPage(25), new TicketQueueQuery { Page = int.MaxValue }.SafePage);
        Assert.Equal(1, TicketQueueQuery.From(page: "-3").Page);
        Assert.Equal(1, TicketQueueQuery.From(page: "two").Page);
    }

    [Fact]
    public void Due_within_the_largest_number_is_clamped_and_never_overflows_a_date()
    {
        var query = TicketQueueQuery.From(dueWithin: "2147483647");

        Assert.Equal(TicketQueueQuery.MaxDueWithinHours, query.DueWithinHours);
        var until = DateTime.UtcNow.AddHours(query.SafeDueWithinHours!.Value);   // what the service computes: no throw
        Assert.True(until > DateTime.UtcNow);
        Assert.Equal(TicketQueueQuery.MaxDueWithinHours, new TicketQueueQuery { DueWithinHours = int.MaxValue }.SafeDueWithinHours);
        Assert.Null(TicketQueueQuery.From(dueWithin: "-4").DueWithinHours);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("-1")]
    [InlineData("OPEN;DROP TABLE")]
    [InlineData("")]
    public void An_unknown_status_falls_back_to_the_active_ones(string status)
    {
        var query = TicketQueueQuery.From(status: status);

        Assert.False(query.AllStatuses);
        Assert.Empty(query.Statuses);
        Assert.Equal(TicketStatuses.Active, query.EffectiveStatuses);
    }

    [Fact]
    public void Negative_or_unreadable_ids_and_levels_are_dropped()
    {
        var query = TicketQueueQuery.From(category: "-5", subcategory: "0", hostel: "99999999999", assignee: "-2",
            level: "-1", createdFrom: "2026-13-45", sort: "drop", q: new string('x', 500));

        Assert.Null(query.CategoryId);
        Assert.Null(query.SubcategoryId);
        Assert.Null(query.HostelId);
        Assert.Null(query.Assignee);
        Assert.Null(query.EscalationLevel);
        Assert.Null(query.CreatedFrom);
        Assert.Equal(TicketSort.Due, query.Sort);
        Assert.True(query.Text!.Length <= 200);
        Assert.Equal(0, TicketQueueQuery.From(level: "0").EscalationLevel);
        Assert.Null(TicketQueueQuery.From(level: "11").EscalationLevel);
    }
}
