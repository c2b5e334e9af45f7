using AdminPortal.Data;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using AdminPortal.Features.Chats;
using ChatGroupPage = AdminPortal.E2E.Pages.ChatGroupPage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// The moderator's chat journey. New messages come through the portal's own <see cref="MessageIngest"/> in this
/// process, over the portal's database: it inserts and publishes with pg_notify exactly as the app would, so the
/// running portal hears it through its LISTEN connection. No test-only endpoint, no copy of the payload format.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ChatBrowserJourneys(BrowserFixture portal) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = PortalComposition.WithoutHost(portal.Server.ConnectionString).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Guid> AddAsync(Guid groupId, string text, params Attachment[] attachments)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var sender = await db.Set<ChatGroup>().Where(g => g.Id == groupId).Select(g => g.Members[0]).SingleAsync();
            return await scope.ServiceProvider.GetRequiredService<MessageIngest>().AddAsync(groupId, sender, text, attachments);
        }
    }

    [Fact]
    public async Task A_moderator_states_a_reason_scrolls_back_opens_an_image_and_sees_a_message_arrive()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var list = new ChatListPage(page);
        await list.OpenAsync();
        var (groupId, name) = await list.FirstGroupAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await AddAsync(groupId, $"image {tag}", new Attachment("/assets/chat/photo.svg", AttachmentType.Image));
        for (var i = 0; i < 60; i++)
            await AddAsync(groupId, $"backlog {tag} #{i}");

        await list.GroupLinks.Filter(new() { HasText = name }).First.ClickAsync();
        var chat = new ChatGroupPage(page);
        await Assertions.Expect(chat.Reason).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Article).CountAsync());   // nothing loaded before the reason
        await chat.StateReasonAsync($"E2E check {tag}: reported by a member");

        await Assertions.Expect(chat.Message($"backlog {tag} #59")).ToBeVisibleAsync();
        await Assertions.Expect(chat.Messages).ToHaveCountAsync(50);
        await Assertions.Expect(chat.Message($"image {tag}")).ToHaveCountAsync(0);
        await Screenshot(page, "chat-group-moderator-1366x768");

        await chat.ScrollToTopAsync();
        var image = chat.Message($"image {tag}");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        Assert.True(await chat.Messages.CountAsync() > 50);
        await image.ScrollIntoViewIfNeededAsync();
        await image.GetByRole(AriaRole.Button, new() { Name = "Open image photo.svg" }).ClickAsync();
        await Assertions.Expect(chat.FullImage).ToBeVisibleAsync();
        Assert.True(await chat.FullImage.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await chat.CloseDialogButton.ClickAsync();
        await Assertions.Expect(chat.FullImage).ToHaveCountAsync(0);

        await chat.ScrollToTopAsync();   // the reader is far from the bottom: a marker, not a jump
        await AddAsync(groupId, $"live {tag}");
        await Assertions.Expect(chat.NewMessagesMarker).ToBeVisibleAsync();
        await chat.NewMessagesMarker.ClickAsync();
        await Assertions.Expect(chat.Message($"live {tag}")).ToBeInViewportAsync();

        await chat.SearchAsync($"backlog {tag} #7");   // a hit far above the live end opens in its context
        var hit = chat.SearchResults.Locator("mark", new() { HasText = $"backlog {tag} #7" });
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await hit.ClickAsync();
        await Assertions.Expect(chat.Message($"backlog {tag} #7")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_group_page_fits_a_phone()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator, 390, 844);
        var page = await context.NewPageAsync();
        var list = new ChatListPage(page);
        await list.OpenAsync();
        var (groupId, _) = await list.FirstGroupAsync();
        var chat = new ChatGroupPage(page);
        await chat.OpenAsync(groupId);
        await chat.StateReasonAsync("E2E layout check on a phone");
        await Assertions.Expect(chat.Messages.First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the chat overflows sideways by {overflow}px");
        await Screenshot(page, "chat-group-moderator-390x844");
    }

    [Fact]
    public async Task A_staff_member_is_denied()
    {
        Guid groupId;
        await using (var db = await _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            groupId = await db.Set<ChatGroup>().Select(g => g.Id).FirstAsync();
        await using var context = await portal.NewContextAsync(Demo.StaffA);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/chats/{groupId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Reason for opening this chat")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath(name + ".png") });
    }

}
