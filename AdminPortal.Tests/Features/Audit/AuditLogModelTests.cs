using AdminPortal.Features.Audit;
using AdminPortal.Features.Audit.Log;
using AdminPortal.Live;

namespace AdminPortal.Tests.Features.Audit;

/// <summary>The audit log's URL, diff, links and state: plain C#.</summary>
public sealed class AuditLogModelTests
{
    [Fact]
    public void The_query_round_trips_through_its_url_and_bad_values_fall_back()
    {
        var query = new AuditLogQuery("12", "product.", "product", "IM_1", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            new AuditCursor(new DateTime(2026, 11, 5, 1, 2, 3, DateTimeKind.Utc), 99), 100);

        Assert.Equal(query, AuditLogQuery.Parse(query.ToQueryString()));
        Assert.Equal(new AuditLogQuery(), AuditLogQuery.Parse("?before=abc&size=7&from=31-12-2026"));
        Assert.Null(AuditCursor.Parse("99999999999999999999.1"));
        Assert.Null(AuditCursor.Parse("-5.1"));
        Assert.DoesNotContain(query.ExportFields, f => f.Key == "before");
    }

    [Fact]
    public void The_diff_lists_every_field_once_and_marks_what_changed()
    {
        var fields = AuditDiff.Of("{\"status\":\"suggestion\",\"title\":\"Lamp\",\"mrp\":10}", "{\"status\":\"published\",\"title\":\"Lamp\",\"remark\":null,\"tags\":[1,2]}");

        Assert.Equal(["status", "title", "mrp", "remark", "tags"], fields.Select(f => f.Name));
        Assert.Equal([true, false, true, false, true], fields.Select(f => f.Changed));
        Assert.Equal("[1,2]", fields.Single(f => f.Name == "tags").After);
        Assert.Empty(AuditDiff.Of(null, null));
        Assert.Equal("value", Assert.Single(AuditDiff.Of("not json", null)).Name);
    }

    [Theory]
    [InlineData("product", "IM_0000000000000001", "/products/IM_0000000000000001")]
    [InlineData("product", "../users/export.csv", "/products/..%2Fusers%2Fexport.csv")]
    [InlineData("ticket", "42", "/tickets/42")]
    [InlineData("ticket", "42/../x", null)]
    [InlineData("user", "7", "/users/7")]
    [InlineData("group", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/chats/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("user", "*", null)]
    [InlineData("role", "3", null)]
    public void Links_go_only_to_the_portals_own_pages_with_the_id_escaped(string type, string id, string? expected) =>
        Assert.Equal(expected, AuditLinks.For(type, id));

    [Fact]
    public void The_newest_page_follows_the_feed_and_an_older_one_stands_still()
    {
        var state = new AuditLogState();
        state.Show(new AuditLogQuery());
        Assert.True(state.IsRelevant(new ChangeEvent(EntityTypes.Product, "IM_1", ChangeActions.Approved)));
        Assert.False(state.IsRelevant(new ChangeEvent(EntityTypes.Presence, "x", ChangeActions.Updated)));

        var older = new AuditLogQuery(Before: new AuditCursor(DateTime.UtcNow, 5));
        Assert.True(state.Show(older));
        Assert.False(state.Show(older));
        Assert.False(state.IsRelevant(new ChangeEvent(EntityTypes.Product, "IM_1", ChangeActions.Approved)));
        Assert.Equal(new AuditLogQuery(), state.Newest);
    }

    [Fact]
    public void A_late_read_for_an_older_view_is_dropped_and_rows_open_one_by_one()
    {
        var state = new AuditLogState();
        var first = new AuditLogQuery(Action: "a.");
        state.Show(first);
        state.Show(new AuditLogQuery(Action: "b."));
        state.Loaded(first, new AuditRecords([new AuditRow(1, DateTime.UtcNow, 1, "A", "a.x", "user", "1", null, null, null, null)], null));
        Assert.True(state.Loading);

        state.Toggle(1);
        Assert.True(state.IsOpen(1));
        state.Toggle(1);
        Assert.False(state.IsOpen(1));
    }
}
