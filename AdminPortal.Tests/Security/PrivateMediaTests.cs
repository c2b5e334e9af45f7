using System.Net;
using AdminPortal.Data.Demo;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Security;

/// <summary>/assets needs sign-in, a portal role and the area's permission; media carry nosniff, a sandbox on active
/// types and a download disposition for what is not an image, audio or video (issue 20).</summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class PrivateMediaTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    [Theory]
    [InlineData("/assets/chat/photo.svg")]
    [InlineData("/assets/products/tea.svg")]
    [InlineData("/assets/tickets/leaking-tap.svg")]
    [InlineData("/assets/chat/invoice.pdf")]
    public async Task Anonymous_requests_are_sent_to_sign_in(string path)
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = host.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("moderator@adminportal.demo", "/assets/products/tea.svg", true)]
    [InlineData("admin@adminportal.demo", "/assets/products/tea.svg", true)]
    [InlineData("moderator@adminportal.demo", "/assets/tickets/leaking-tap.svg", false)]
    [InlineData("staff.a@adminportal.demo", "/assets/chat/photo.svg", false)]
    [InlineData("staff.a@adminportal.demo", "/assets/products/tea.svg", false)]
    public async Task Signed_in_people_get_the_media_of_their_areas_only(string email, string path, bool allowed)
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = await host.SignedInClientAsync(email);
        using var response = await client.GetAsync(path);
        if (allowed)
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_attachment_needs_an_audited_opening_of_a_chat_that_holds_it()
    {
        await Fixture.SeedDemoAsync(reset: true);   // the accounts seeded above are made again with the demo
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = await host.SignedInClientAsync("moderator@adminportal.demo");
        using (var before = await client.GetAsync("/assets/chat/photo.svg"))
            Assert.StartsWith("/account/access-denied", before.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        await OpenChatsHoldingAsync("moderator@adminportal.demo", "/assets/chat/photo.svg");
        using (var after = await client.GetAsync("/assets/chat/photo.svg"))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using (var other = await client.GetAsync("/assets/chat/not-in-any-chat.svg"))
            Assert.StartsWith("/account/access-denied", other.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_photo_only_within_the_viewers_ticket_scope()
    {
        await Fixture.SeedDemoAsync(reset: true);   // the accounts seeded above are made again with the demo
        await Sql("""
            UPDATE helpdesk.tickets SET attachments = '[{"name":"a.svg","url":"/assets/tickets/hostel-a-only.svg","type":"image/svg+xml"}]'
            WHERE id = (SELECT min(t.id) FROM helpdesk.tickets t JOIN helpdesk.staff s ON s.id = t.assigned_to
                        JOIN auth.users u ON u.id = s.user_id WHERE u.email = 'staff.a@adminportal.demo')
            """);
        await Sql("""
            UPDATE helpdesk.tickets SET attachments = '[{"name":"t.svg","url":"/assets/tickets/leaking-tap.svg","type":"image/svg+xml"}]'
            WHERE id = (SELECT min(t.id) FROM helpdesk.tickets t JOIN helpdesk.staff s ON s.id = t.assigned_to
                        JOIN auth.users u ON u.id = s.user_id WHERE u.email = 'staff.a@adminportal.demo' AND t.attachments IS NULL)
            """);
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var staffA = await host.SignedInClientAsync("staff.a@adminportal.demo");
        using var staffB = await host.SignedInClientAsync("staff.b@adminportal.demo");

        using (var inScope = await staffA.GetAsync("/assets/tickets/leaking-tap.svg"))
            Assert.Equal(HttpStatusCode.OK, inScope.StatusCode);
        using (var passed = await staffA.GetAsync("/assets/tickets/hostel-a-only.svg"))
            Assert.Equal(HttpStatusCode.NotFound, passed.StatusCode);   // let through, and there is no such file
        using (var outOfScope = await staffB.GetAsync("/assets/tickets/hostel-a-only.svg"))
            Assert.StartsWith("/account/access-denied", outOfScope.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_carry_nosniff_a_sandbox_on_svg_and_a_download_for_documents()
    {
        await Fixture.SeedDemoAsync(reset: true);   // the accounts seeded above are made again with the demo
        foreach (var file in new[] { "photo.svg", "invoice.pdf", "voice-note.wav" })
            await OpenChatsHoldingAsync("admin@adminportal.demo", "/assets/chat/" + file);
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = await host.SignedInClientAsync("admin@adminportal.demo");

        using var svg = await client.GetAsync("/assets/chat/photo.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", svg.Headers.GetValues("X-Content-Type-Options")));
        var csp = string.Join(",", svg.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox; default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Null(svg.Content.Headers.ContentDisposition);

        using var pdf = await client.GetAsync("/assets/chat/invoice.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sandbox;", string.Join(",", pdf.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        using var wav = await client.GetAsync("/assets/chat/voice-note.wav");
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
        Assert.Null(wav.Content.Headers.ContentDisposition);
        Assert.False(wav.Headers.CacheControl?.Public ?? false, "media are never cached as public");
        Assert.True(wav.Headers.CacheControl?.NoCache, "media are revalidated (a revoked role loses them)");
    }

    [Theory]
    [InlineData("photo.svg", true, false)]
    [InlineData("page.html", true, true)]
    [InlineData("invoice.pdf", true, true)]
    [InlineData("photo.png", false, false)]
    [InlineData("clip.webm", false, false)]
    [InlineData("notes.txt", false, true)]
    public void The_header_rule_by_type(string file, bool sandboxed, bool download)
    {
        var http = new DefaultHttpContext();
        PrivateMedia.Headers(http.Response, file);
        Assert.Equal(sandboxed, http.Response.Headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal));
        Assert.Equal(download, http.Response.Headers.ContentDisposition.ToString() == "attachment");
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [InlineData("/brands/certificate-of-incorporation.pdf", true)]
    [InlineData("/chat/invoice.pdf", false)]
    [InlineData("/brands/gst-registration.svg", false)]
    public void Only_a_brand_pdf_may_be_framed_and_only_by_the_portal(string path, bool embedded)
    {
        var http = new DefaultHttpContext();
        var file = path.Split('/')[^1];
        PrivateMedia.Headers(http.Response, file, PrivateMedia.Embeddable(path, file));
        Assert.Equal(embedded, http.Response.Headers.ContentSecurityPolicy.ToString() == PrivateMedia.EmbeddedPdf);
        Assert.Equal(embedded ? "SAMEORIGIN" : "", http.Response.Headers.XFrameOptions.ToString());
        Assert.Equal(!embedded && file.EndsWith(".pdf", StringComparison.Ordinal), http.Response.Headers.ContentDisposition.ToString() == "attachment");
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
    }

    /// <summary>What the reason gate leaves behind: an audited "chat.open" by the account of every group holding the file.</summary>
    private Task OpenChatsHoldingAsync(string email, string url) => Sql($$"""
        INSERT INTO audit.audit_log (actor_id, actor_name, action, entity_type, entity_id, reason)
        SELECT DISTINCT u.id, 'test', 'chat.open', 'group', m.group_id::text, 'checking a report'
        FROM chat.messages m, auth.users u
        WHERE u.email = '{{email}}' AND m.attachments @> '[{"url":"{{url}}"}]'::jsonb
        """);

    private async Task Sql(string sql)
    {
        await using var db = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, db);
        Assert.True(await cmd.ExecuteNonQueryAsync() > 0, "the test's data change touched no row: " + sql);
    }
}
