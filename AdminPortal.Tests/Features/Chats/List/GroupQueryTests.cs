using AdminPortal.Data.Identity;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.List;
using AdminPortal.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AdminPortal.Tests.Features.Chats.ChatWorld;

namespace AdminPortal.Tests.Features.Chats.List;

public sealed class GroupQueryTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_list_filters_by_member_type_product_name_and_activity_and_caps_the_count()
    {
        var world = await CreateAsync(Services, Fixture.CreateDbContextAsync);
        var at = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        Guid privateId;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.Add(new Product { Id = "IM_TESTPRODUCT0001", Title = "Brass lamp", Description = "d", ProductUrl = "u", VendorId = world.Members[0] });
            var g = await db.Set<ChatGroup>().SingleAsync();
            g.ProductId = "IM_TESTPRODUCT0001";
            var priv = new ChatGroup { Name = "private a-b", Type = ConversationType.Private, Members = [world.Members[1], world.Members[2]] };
            db.Add(priv);
            await db.SaveChangesAsync();
            privateId = priv.Id;
            var messages = await world.AddMessagesAsync(db, GroupQueryService.CountCap + 5, i => at.AddSeconds(i));
            var last = messages[^1];
            last.HiddenAt = at.AddDays(1);
            last.HiddenReason = "rude";
            last.Text = "secret words";
            g.LastMessageId = last.Id;
            g.LastMessageAt = last.Timestamp;
            await world.AddMessagesAsync(db, 2, i => at.AddDays(-10).AddSeconds(i), priv.Id);
            priv.LastMessageAt = at.AddDays(-10);
            await db.SaveChangesAsync();
        }
        var groups = Get<GroupQueryService>();
        var moderator = Principal(world.Moderator);

        var all = await groups.ListAsync(moderator, new ChatListQuery());
        Assert.Equal(2, all.Total);
        var first = all.Rows[0];
        Assert.Equal((world.GroupId, "Brass lamp", GroupQueryService.CountCap + 1, (DateTime?)at.AddSeconds(GroupQueryService.CountCap + 4)),
            (first.Id, first.ProductTitle, first.MessageCount, first.LastMessageAt));
        Assert.Equal(2, all.Rows[1].MessageCount);
        Assert.DoesNotContain("secret words", System.Text.Json.JsonSerializer.Serialize(all.Rows), StringComparison.Ordinal);

        Assert.Equal([privateId], (await groups.ListAsync(moderator, new ChatListQuery(MemberId: world.Members[2]))).Rows
            .Where(r => r.Type == ConversationType.Private).Select(r => r.Id));
        Assert.Equal([world.GroupId], (await groups.ListAsync(moderator, new ChatListQuery(MemberId: world.Members[0]))).Rows.Select(r => r.Id));
        Assert.Equal([privateId], (await groups.ListAsync(moderator, new ChatListQuery(Type: ConversationType.Private))).Rows.Select(r => r.Id));
        Assert.Equal([world.GroupId], (await groups.ListAsync(moderator, new ChatListQuery(ProductId: "IM_TESTPRODUCT0001"))).Rows.Select(r => r.Id));
        Assert.Equal([privateId], (await groups.ListAsync(moderator, new ChatListQuery(Search: "PRIVATE"))).Rows.Select(r => r.Id));
        Assert.Equal([privateId], (await groups.ListAsync(moderator, new ChatListQuery(ActiveTo: DateOnly.FromDateTime(at.AddDays(-5))))).Rows.Select(r => r.Id));
        Assert.Equal([world.GroupId], (await groups.ListAsync(moderator, new ChatListQuery(ActiveFrom: DateOnly.FromDateTime(at)))).Rows.Select(r => r.Id));

        var header = await Get<ChatGroupQueryService>().HeaderAsync(moderator, world.GroupId);
        Assert.Equal("Brass lamp", header!.Product!.Title);
        Assert.Equal(3, header.Members.Count);
        Assert.Equal("Vendor", header.Members.Single(m => m.Id == world.Members[0]).Role);
    }

    [Fact]
    public async Task The_member_filter_is_array_containment_so_the_GIN_index_serves_it()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var member = 7;
        var sql = db.Set<ChatGroup>().Where(g => g.Members.Contains(member)).ToQueryString();   // as ListAsync filters
        Assert.Contains("g.members @> ARRAY[@member]", sql);
    }
}
