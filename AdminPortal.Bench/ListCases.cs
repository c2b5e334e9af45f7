using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.List;
using AdminPortal.Features.Users.Platform;

namespace AdminPortal.Bench;

/// <summary>One screen read: a call of the screen's own service, the rows it returned, and its targets.</summary>
public sealed record ListCase(string Name, Func<Task<int>> Call, double ServiceTarget, double SqlTarget);

/// <summary>
/// The list reads of figure 1, each a call of the feature service the screen uses, signed in as the demo accounts:
/// the moderator for products, staff.a (scoped to hostel 1) and the admin for tickets, the admin for users and chats.
/// </summary>
public static class ListCases
{
    public const int PageSize = 50;
    /// <summary>The last 50-row page within the first 10,000 rows, the deepest the pagers offer (decision 0007).</summary>
    public const int DeepOffset = 9_950;
    private const int DeepPage = DeepOffset / PageSize + 1;
    public const string MissingWord = "qqxzv";

    public static async Task<List<ListCase>> BuildAsync(PortalServices portal, ListShape s)
    {
        var moderator = await portal.SignedInAsync("moderator@adminportal.demo");
        var staff = await portal.SignedInAsync("staff.a@adminportal.demo");
        var admin = await portal.SignedInAsync("admin@adminportal.demo");
        var products = portal.Get<ProductQueryService>();
        var tickets = portal.Get<TicketQueryService>();
        var users = portal.Get<UserQueryService>();
        var messages = portal.Get<MessageQueryService>();
        var grant = (await portal.Get<ChatAccess>().OpenAsync(admin, s.BigGroup, "benchmark: message paging figures")).Value!;

        var queue = new ProductQueueQuery { PageSize = PageSize };
        Func<Task<int>> Products(ProductQueueQuery q) => async () => (await products.GetPageAsync(moderator, q)).Rows.Count;
        var month = DateOnly.FromDateTime(s.ProductsLatest).AddDays(-30);
        var ticketQuery = new TicketQueueQuery { PageSize = PageSize };
        Func<Task<int>> Tickets(TicketQueueQuery f, System.Security.Claims.ClaimsPrincipal? who = null) =>
            async () => (await tickets.ListAsync(who ?? staff, f)).Rows.Count;
        var created = DateOnly.FromDateTime(s.TicketsLatest).AddDays(-30);
        // Next's cursor at the depth of the deep page: the last row of the page before it (read once, by number)
        async Task<TicketQueueQuery> DeepNext(TicketQueueQuery f, System.Security.Claims.ClaimsPrincipal who)
        {
            var before = await tickets.ListAsync(who, f with { Page = DeepPage - 1 });
            return f with { Page = DeepPage, After = before.Rows.Count > 0 ? before.Rows[^1].Id : null };
        }
        var everyStatus = ticketQuery with { AllStatuses = true };
        var staffNext = await DeepNext(ticketQuery, staff);
        var adminNext = await DeepNext(ticketQuery, admin);
        var staffAllNext = await DeepNext(everyStatus, staff);
        var adminAllNext = await DeepNext(everyStatus, admin);
        // Previous's cursor: the first row of the page after the deep one
        var deepRows = (await tickets.ListAsync(staff, staffAllNext)).Rows;
        var following = deepRows.Count > 0
            ? (await tickets.ListAsync(staff, everyStatus with { Page = DeepPage + 1, After = deepRows[^1].Id })).Rows
            : [];
        var staffAllPrevious = everyStatus with { Page = DeepPage, Before = following.Count > 0 ? following[0].Id : null };
        var usersQuery = new UserListQuery(PageSize: PageSize);
        Func<Task<int>> Users(UserListQuery q) => async () => (await users.ListAsync(admin, q)).Rows.Count;
        var deepCursor = new MessageCursor(s.DeepTimestamp, s.DeepId);
        // in-chat search: one bounded step of 25,000 messages (decision 0007) against figure 7's search target (decision 0038)
        const double page = 50, sql = 3, messagesTarget = 10, searchTarget = 50;
        return
        [
            new("products queue, page 1", Products(queue), page, sql),
            new($"products queue, offset {DeepOffset:N0}", Products(queue with { Page = DeepPage }), page, sql),
            new("products + cause, page 1", Products(queue with { Cause = Cause.SustainableFashion }), page, sql),
            new($"products + cause, offset {DeepOffset:N0}", Products(queue with { Cause = Cause.SustainableFashion, Page = DeepPage }), page, sql),
            new("products + vendor, page 1", Products(queue with { VendorId = s.VendorId }), page, sql),
            new("products + price 500 to 1,000, page 1", Products(queue with { MinPrice = 500, MaxPrice = 1000 }), page, sql),
            new("products + submitted in the last 30 days, page 1", Products(queue with { SubmittedFrom = month }), page, sql),
            new("products + search 'indigo jute', page 1", Products(queue with { Search = "indigo jute" }), page, sql),
            // the moderator's own decisions since Monday, every status: the dashboard tile's link (decision 0028)
            new("products decided by me this week (moderator), page 1",
                Products(queue with { Status = null, Decided = DecidedWindow.Week }), page, sql),
            new("products sorted by vendor, page 1", Products(queue with { Sort = ProductSort.Vendor }), page, sql),
            new("products sorted by selling price, page 1", Products(queue with { Sort = ProductSort.SellingPrice }), page, sql),
            new("products sorted by title, page 1", Products(queue with { Sort = ProductSort.Title }), page, sql),

            new("tickets queue (staff, hostel 1), page 1", Tickets(ticketQuery), page, sql),
            new($"tickets queue (staff, hostel 1), offset {DeepOffset:N0}", Tickets(ticketQuery with { Page = DeepPage }), page, sql),
            new($"tickets queue (staff, hostel 1), Next after row {DeepOffset:N0}", Tickets(staffNext), page, sql),
            new($"tickets queue (staff, hostel 1), every status, offset {DeepOffset:N0}", Tickets(everyStatus with { Page = DeepPage }), page, sql),
            new($"tickets queue (staff, hostel 1), every status, Next after row {DeepOffset:N0}", Tickets(staffAllNext), page, sql),
            new($"tickets queue (staff, hostel 1), every status, Previous to offset {DeepOffset:N0}", Tickets(staffAllPrevious), page, sql),
            new("tickets + status in progress, page 1", Tickets(ticketQuery with { Statuses = [TicketStatus.InProgress] }), page, sql),
            new("tickets + category, page 1", Tickets(ticketQuery with { CategoryId = s.CategoryId }), page, sql),
            new($"tickets + category, offset {s.CategoryDeepOffset:N0}",
                Tickets(ticketQuery with { CategoryId = s.CategoryId, Page = s.CategoryDeepOffset / PageSize + 1 }), page, sql),
            new("tickets + subcategory, page 1", Tickets(ticketQuery with { SubcategoryId = s.SubcategoryId }), page, sql),
            new("tickets + hostel, page 1", Tickets(ticketQuery with { HostelId = s.HostelId }), page, sql),
            new("tickets + assigned to me, page 1", Tickets(ticketQuery with { Assignee = "me" }), page, sql),
            new("tickets + unassigned, page 1", Tickets(ticketQuery with { Assignee = "none" }), page, sql),
            new("tickets + escalation level 2, page 1", Tickets(ticketQuery with { EscalationLevel = 2 }), page, sql),
            new("tickets + overdue, page 1", Tickets(ticketQuery with { Overdue = true }), page, sql),
            new("tickets + due within 24 h, page 1", Tickets(ticketQuery with { DueWithinHours = 24 }), page, sql),
            new("tickets + created in the last 30 days, page 1", Tickets(ticketQuery with { CreatedFrom = created }), page, sql),
            new("tickets + search 'wi-fi', page 1", Tickets(ticketQuery with { Text = "wi-fi" }), page, sql),
            new("tickets queue (admin, everything), page 1", Tickets(ticketQuery, admin), page, sql),
            new($"tickets queue (admin, everything), offset {DeepOffset:N0}", Tickets(ticketQuery with { Page = DeepPage }, admin), page, sql),
            new($"tickets queue (admin, everything), Next after row {DeepOffset:N0}", Tickets(adminNext, admin), page, sql),
            new($"tickets queue (admin, every status), offset {DeepOffset:N0}", Tickets(everyStatus with { Page = DeepPage }, admin), page, sql),
            new($"tickets queue (admin, every status), Next after row {DeepOffset:N0}", Tickets(adminAllNext, admin), page, sql),

            new("users, page 1", Users(usersQuery), page, sql),
            new($"users, offset {DeepOffset:N0}", Users(usersQuery with { Page = DeepPage }), page, sql),
            new("users + status verified, page 1", Users(usersQuery with { Status = PlatformUserStatus.Verified }), page, sql),
            new($"users + status verified, offset {DeepOffset:N0}", Users(usersQuery with { Status = PlatformUserStatus.Verified, Page = DeepPage }), page, sql),

            new($"messages of the big group ({s.BigGroupSize:N0}), newest page",
                async () => (await messages.OlderAsync(grant, null)).Messages.Count, messagesTarget, messagesTarget),
            new("messages of the big group, keyset page ~1,000,000 deep",
                async () => (await messages.OlderAsync(grant, deepCursor)).Messages.Count, messagesTarget, messagesTarget),
            new("messages of the big group, search 'indigo' (newest hits)",
                async () => (await messages.SearchAsync(grant, "indigo")).Hits.Count, searchTarget, searchTarget),
            new($"messages of the big group, search '{MissingWord}' (no hit: one bounded step of 25,000)",
                async () => (await messages.SearchAsync(grant, MissingWord)).Hits.Count, searchTarget, searchTarget),
        ];
    }
}
