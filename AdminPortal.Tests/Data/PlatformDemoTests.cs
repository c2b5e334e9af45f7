using AdminPortal.Data.Demo;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Data;

[Collection(SecondDatabaseCollection.Name)]
public sealed class PlatformDemoTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private const string Digest = """
        SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
          SELECT id || cause || mrp || vendor_id || images::text || title || publishing_status || created_at AS x FROM catalog.products
          UNION ALL
          SELECT id::text || sender_id || group_id || coalesce(text, '') || attachments::text || read_by::text || timestamp FROM chat.messages
          UNION ALL
          SELECT message_id::text || user_id || coalesce(read_at::text, '-') FROM chat.message_receipts) s
        """;

    private Task SeedAsync(bool reset) => Fixture.SeedDemoAsync(DemoScale.Demo, reset);

    [Fact]
    public async Task The_demo_is_the_same_every_time()
    {
        await SeedAsync(reset: false);
        var once = Assert.Single(await Sql.ColumnAsync(Fixture, Digest));
        await SeedAsync(reset: true);
        Assert.Equal(once, Assert.Single(await Sql.ColumnAsync(Fixture, Digest)));
    }

    [Fact]
    public async Task The_demo_covers_every_cause_status_platform_and_attachment_type()
    {
        await SeedAsync(reset: false);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(Enum.GetValues<Cause>().Length, await db.Set<Product>().Select(p => p.Cause).Distinct().CountAsync());
        Assert.Equal(Enum.GetValues<PublishingStatus>().Length, await db.Set<Product>().Select(p => p.PublishingStatus).Distinct().CountAsync());
        Assert.Equal(3, await db.Users.Where(u => u.Username != null).Select(u => u.RegistrationPlatform).Distinct().CountAsync());
        Assert.Equal(3, await db.Users.Where(u => u.Username != null).Select(u => u.Status).Distinct().CountAsync());
        Assert.Equal(3, await db.Users.Where(u => u.Username != null).Select(u => u.PlatformRole).Distinct().CountAsync());
        Assert.True(await db.Set<Token>().AnyAsync() && await db.Set<UserVerification>().AnyAsync() && await db.Set<RefreshToken>().AnyAsync(r => r.Revoked));
        Assert.True(await db.Set<UserRelationship>().AnyAsync(r => r.Type == UserRelationship.Blocked));
        var types = (await db.Set<Message>().Select(m => m.Attachments).ToListAsync()).SelectMany(a => a).Select(a => a.Type).Distinct().Count();
        Assert.Equal(4, types);
        Assert.True(await db.Set<ChatGroup>().AnyAsync(g => g.Type == ConversationType.Private));
        Assert.False(await db.Set<ChatGroup>().AnyAsync(g => g.LastMessageId == null));
        Assert.True(await db.Set<Message>().AnyAsync(m => m.HiddenAt != null));
        Assert.True(await db.Set<MessageReceipt>().AnyAsync(r => r.ReadAt != null) && await db.Set<MessageReceipt>().AnyAsync(r => r.ReadAt == null));
        var images = await db.Set<Product>().Select(p => p.Images.Count).ToListAsync();
        Assert.InRange(images.Min(), 1, 1);
        Assert.InRange(images.Max(), 4, 4);
    }

    [Fact]
    public async Task Deleting_a_user_cascades_to_their_messages_and_auth_rows()
    {
        await SeedAsync(reset: false);
        await using var db = await Fixture.CreateDbContextAsync();
        var sender = await db.Set<Message>().Join(db.Users, m => m.SenderId, u => u.Id, (m, u) => u)
            .Where(u => !db.Set<Product>().Any(p => p.VendorId == u.Id)).Select(u => u.Id).FirstAsync();
        await db.Users.Where(u => u.Id == sender).ExecuteDeleteAsync();
        Assert.False(await db.Set<Message>().AnyAsync(m => m.SenderId == sender));
        Assert.False(await db.Set<Token>().AnyAsync(t => t.UserId == sender));
        Assert.False(await db.Set<MessageReceipt>().AnyAsync(r => r.UserId == sender));
    }
}
