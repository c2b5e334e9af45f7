using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.Group.Components;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Chats.Group;

public sealed class MessageRenderingTests : MudBunitContext
{
    public MessageRenderingTests() => Services.AddSingleton(new ViewerClock(TimeProvider.System));   // times in UTC

    private static MessageView View(string text, params Attachment[] attachments) => new(Guid.NewGuid(), 3, "Asha <b>Rao</b>", text,
        attachments, new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc), null, 3, 5, null);

    [Fact]
    public void Html_in_a_message_renders_as_text_and_only_http_links_become_links()
    {
        var text = "<script>alert('x')</script><img src=x onerror=alert(1)> see https://example.org/a?b=1. or javascript:alert(2)";
        var cut = RenderWithMud<MessageItem>(p => p.Add(x => x.Message, View(text)).Add(x => x.Recipients, 5));

        Assert.Contains("&lt;script&gt;alert(", cut.Markup);
        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", cut.Markup);
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("article img"));
        Assert.Contains("Asha &lt;b&gt;Rao&lt;/b&gt;", cut.Markup);
        var link = Assert.Single(cut.FindAll(".chat-text a"));
        Assert.Equal("https://example.org/a?b=1", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Contains("Read by 3 of 5", cut.Markup);
    }

    [Fact]
    public void Attachments_render_by_type_and_unsafe_addresses_are_not_linked()
    {
        var cut = RenderWithMud<MessageItem>(p => p.Add(x => x.Message, View("files",
            new Attachment("/assets/chat/photo.svg", AttachmentType.Image),
            new Attachment("/assets/chat/clip.webm", AttachmentType.Video),
            new Attachment("/assets/chat/voice-note.wav", AttachmentType.Audio),
            new Attachment("/assets/chat/invoice.pdf", AttachmentType.File, "invoice.pdf", 2048),
            new Attachment("javascript:alert(1)", AttachmentType.File, "evil.pdf"))));

        Assert.Equal("/assets/chat/photo.svg", cut.Find("button.chat-thumb-button img").GetAttribute("src"));
        Assert.NotNull(cut.Find("video[controls]"));
        Assert.NotNull(cut.Find("audio[controls]"));
        Assert.Contains("2 KB", cut.Markup);
        Assert.Equal("/assets/chat/invoice.pdf", cut.Find("a[download]").GetAttribute("href"));
        Assert.DoesNotContain("javascript:", cut.Markup);
        Assert.Contains("unsupported address", cut.Markup);

        cut.Find("video").TriggerEvent("onerror", new Microsoft.AspNetCore.Components.Web.ErrorEventArgs());
        Assert.Contains("This video is not available", cut.Markup);
    }

    [Fact]
    public void A_hidden_message_is_collapsed_with_its_reason_until_shown()
    {
        var hidden = View("call me on 555-0100") with { Hidden = new HiddenInfo(DateTime.UtcNow, "Mira Moderator", "Shares a phone number") };
        var cut = RenderWithMud<MessageItem>(p => p.Add(x => x.Message, hidden).Add(x => x.CanModerate, true));

        Assert.DoesNotContain("555-0100", cut.Markup);
        Assert.Contains("Shares a phone number", cut.Markup);
        Assert.Contains("Unhide", cut.Markup);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show").Click();
        Assert.Contains("555-0100", cut.Markup);
    }

    [Fact]
    public void Highlighting_splits_text_and_marks_every_match()
    {
        var cut = Render<HighlightedText>(p => p.Add(x => x.Text, "Scarf <i>scarf</i> SCARF").Add(x => x.Term, "scarf"));
        Assert.Equal(["Scarf", "scarf", "SCARF"], cut.FindAll("mark").Select(m => m.TextContent));
        Assert.Contains("&lt;i&gt;", cut.Markup);
        Assert.Empty(cut.FindAll("i"));
    }
}
