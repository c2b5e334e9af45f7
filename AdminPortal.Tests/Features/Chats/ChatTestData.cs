using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Users;
using AdminPortal.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using AdminPortal.Tests.Features.Tickets;

namespace AdminPortal.Tests.Features.Chats;

/// <summary>The demo logins, three chat members and one group.</summary>
internal sealed record ChatWorld(int Moderator, int Admin, int Staff, int[] Members, Guid GroupId)
{
    public static ClaimsPrincipal Principal(int id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"));

    public static async Task<ChatWorld> CreateAsync(IServiceProvider services, Func<Task<PortalDbContext>> newDb)
    {
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await newDb();
        var users = new[] { "asha", "ben", "chen" }.Select(n => HelpdeskTestData.User($"{n}.{Guid.NewGuid():N}@example.org")).ToList();
        users[0].Name = "Asha Rao";
        users[1].Name = "Ben Okafor";
        users[2].Name = "Chen Li";
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var group = new ChatGroup { Name = "Handwoven scarf", Members = users.Select(u => u.Id).ToArray(), CreatedBy = users[0].Id };
        db.Add(group);
        await db.SaveChangesAsync();
        async Task<int> Id(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new ChatWorld(await Id("moderator@adminportal.demo"), await Id("admin@adminportal.demo"),
            await Id("staff.a@adminportal.demo"), group.Members, group.Id);
    }

    public async Task<List<Message>> AddMessagesAsync(PortalDbContext db, int count, Func<int, DateTime> at, Guid? groupId = null)
    {
        var messages = Enumerable.Range(0, count).Select(i => new Message
        {
            GroupId = groupId ?? GroupId, SenderId = Members[i % Members.Length], Text = $"message {i}",
            Timestamp = at(i), ReadBy = [Members[(i + 1) % Members.Length]],
        }).ToList();
        db.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }
}
