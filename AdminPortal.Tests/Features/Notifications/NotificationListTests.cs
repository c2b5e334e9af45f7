using AdminPortal.Features.Notifications.Centre;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Notifications;

/// <summary>The centre's list: each row links to its subject through the safe-link rule, says read or unread in
/// words, and its button marks it the other way.</summary>
public sealed class NotificationListTests : MudBunitContext
{
    public NotificationListTests() => Services.AddSingleton(new ViewerClock(TimeProvider.System));

    private static readonly DateTime At = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rows_link_to_their_subject_only_through_the_safe_link_rule_and_say_their_state()
    {
        IReadOnlyList<NotificationRow> rows =
        [
            new(3, "suggestion.decided", "\"Lamp\", which you were reviewing, was approved by Asha", "/products/IM_1", At, null),
            new(2, "ticket.assigned", "Outside link", "https://evil.example/phish", At.AddMinutes(-1), At),
            new(1, "ticket.assigned", "Script link", "javascript:alert(1)", At.AddMinutes(-2), null),
        ];
        (long Id, bool Read)? marked = null;

        var list = RenderWithMud<NotificationList>(p => p.Add(x => x.Rows, rows)
            .Add(x => x.OnMark, ((long Id, bool Read) m) => marked = m));

        var items = list.FindAll("[data-testid=notification-row]");
        Assert.Equal(3, items.Count);
        Assert.Equal("/products/IM_1", Assert.Single(list.FindAll("a")).GetAttribute("href"));
        Assert.Empty(list.FindAll("a[href*='evil'], a[href^='javascript']"));
        Assert.Equal(["Unread", "Read", "Unread"], list.FindAll(".notification-state").Select(s => s.TextContent));
        Assert.Contains("notification-unread", items[0].ClassName, StringComparison.Ordinal);

        list.FindAll("[data-testid=notification-row] button")[1].Click();
        Assert.Equal((2L, false), marked);   // a read one is marked unread
        list.FindAll("[data-testid=notification-row] button")[0].Click();   // found again: the click re-rendered
        Assert.Equal((3L, true), marked);
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var list = RenderWithMud<NotificationList>(p => p.Add(x => x.Rows, []).Add(x => x.EmptyText, "Nothing unread."));

        Assert.Equal("Nothing unread.", list.Find("[data-testid=notifications-empty]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=notification-row]"));
    }
}
