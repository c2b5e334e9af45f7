using AdminPortal.Features.Tickets.Model;
using Npgsql;
using System.Text.Json;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>Product group chats and private conversations, messages with every attachment type, receipts, notifications.</summary>
public sealed class ChatDemo(NpgsqlDataSource dataSource, TimeProvider clock) : IDemoDataPart
{
    private static readonly Attachment[] Samples =
    [
        new("/assets/chat/photo.svg", AttachmentType.Image),
        new("/assets/chat/clip.webm", AttachmentType.Video),
        new("/assets/chat/voice-note.wav", AttachmentType.Audio),
        new("/assets/chat/invoice.pdf", AttachmentType.File, "invoice.pdf", 390),
    ];

    public int Order => 500;
    public string Name => "chat";

    /// <summary>
    /// At large scale: the members are platform users, and the catalog's load empties chat.groups (its products'
    /// <c>TRUNCATE ... CASCADE</c>, which lets their COPY skip WAL), so the chat loads after the catalog has committed.
    /// </summary>
    public IReadOnlyList<string> LargeLoadAfter => [PlatformUsersDemo.PartName, CatalogDemo.PartName];

    /// <summary>No rollup counts messages or groups: the rollups run beside the chat's load.</summary>
    public bool RollupsRead => false;

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        var history = DemoHistory.Of(clock);
        var anchor = history.Anchor;
        if (scale == DemoScale.Large)
        {
            await PlatformBulk.ChatAsync(db, dataSource, history, 10_000_000, ct);
            return;
        }
        var f = new Faker { Random = new Randomizer(5005) };
        var buyers = await db.Users.Where(u => u.Email!.EndsWith(PlatformDemo.BuyerDomain)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var moderator = await db.Users.Where(u => u.Email == "moderator@adminportal.demo").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var products = await db.Set<Product>().Where(p => p.PublishingStatus == PublishingStatus.Published)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Title, p.VendorId, p.ProductUrl }).Take(25).ToListAsync(ct);
        var groups = new List<ChatGroup>();
        foreach (var (p, i) in products.Select((p, i) => (p, i)))
        {
            int[] members = [p.VendorId, .. f.Random.Shuffle(buyers).Take(2 + i % 5)];
            groups.Add(new ChatGroup { Id = DemoGuid(1, i), Name = p.Title, ProductId = p.Id, Members = members, CreatedBy = p.VendorId });
        }
        for (var i = 0; i < 8; i++)
        {
            int[] pair = [buyers[i], buyers[(i * 5 + 3) % buyers.Count]];
            groups.Add(new ChatGroup { Id = DemoGuid(2, i), Name = $"private {pair[0]}-{pair[1]}", Type = ConversationType.Private,
                Members = pair, CreatedBy = pair[0] });
        }
        // each conversation ends recently (most within the last days) and goes back a burst of minutes to hours
        var times = groups.Select((g, i) => Times(f, history, 5 + i * 7 % 36)).ToList();
        foreach (var (g, i) in groups.Select((g, i) => (g, i)))
            g.CreatedAt = g.UpdatedAt = times[i][0].AddMinutes(-f.Random.Int(5, 600));
        db.AddRange(groups);
        await db.SaveChangesAsync(ct);
        var n = 0;
        var notes = 0;
        foreach (var (g, gi) in groups.Select((g, i) => (g, i)))
        {
            foreach (var at in times[gi])
            {
                var sender = g.Members[f.Random.Int(0, g.Members.Length - 1)];
                var attach = n % 5 == 0 ? new List<Attachment> { Samples[n / 5 % Samples.Length] } : [];
                var hidden = n % 97 == 13 && moderator is not null;
                var readers = g.Members.Where(m => m != sender && f.Random.Bool(0.7f)).ToArray();
                var lines = g.Type == ConversationType.Private ? ChatVocabulary.Friend : sender == g.CreatedBy ? ChatVocabulary.Vendor : ChatVocabulary.Buyer;
                var about = products.FirstOrDefault(p => p.Id == g.ProductId) ?? products[gi % products.Count];
                var text = hidden ? "Call me on 98450 12345, cheaper outside the app"
                    : ChatVocabulary.Fill(f.PickRandom(lines), about.Title, about.ProductUrl);
                var message = new Message { Id = DemoGuid(3, n), GroupId = g.Id, SenderId = sender, Text = attach.Count > 0 && n % 2 == 0 ? null : text,
                    Attachments = attach, ReadBy = readers, Timestamp = at,
                    HiddenAt = hidden ? Before(anchor, at.AddHours(2)) : null, HiddenBy = hidden ? moderator : null, HiddenReason = hidden ? "Shares a phone number" : null };
                db.Add(message);
                foreach (var m in g.Members.Where(m => m != sender))
                {
                    var delivered = Before(anchor, at.AddSeconds(f.Random.Int(1, 300)));
                    db.Add(new MessageReceipt { MessageId = message.Id, UserId = m, DeliveredAt = delivered,
                        ReadAt = readers.Contains(m) ? Before(anchor, delivered.AddMinutes(f.Random.Int(1, 240))) : null });
                    if (!readers.Contains(m) && n % 3 == 0)
                        db.Add(new Notification { Id = DemoGuid(4, notes++), UserId = m, Type = "message",
                            Content = JsonDocument.Parse(JsonSerializer.Serialize(new { preview = message.Text ?? "attachment", group = g.Name })),
                            RelatedType = "message", RelatedId = message.Id.ToString(), CreatedAt = delivered, ExpiresAt = delivered.AddDays(30) });
                }
                g.LastMessageId = message.Id;
                g.LastMessageAt = at;
                n++;
            }
        }
        foreach (var b in buyers)
            db.Add(new NotificationSetting { UserId = b, PushEnabled = b % 4 != 0, EmailEnabled = b % 3 != 0, UpdatedAt = anchor,
                Preferences = JsonDocument.Parse($$"""{"message": true, "friend_request": {{(b % 2 == 0 ? "true" : "false")}}, "system": true}""") });
        await db.SaveChangesAsync(ct);
        db.UpdateRange(groups);
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Before(DateTime anchor, DateTime t) => t < anchor ? t : anchor;

    /// <summary>A conversation's message times, oldest first, the last before the anchor.</summary>
    private static List<DateTime> Times(Faker f, DemoHistory history, int count)
    {
        var last = f.Random.Bool(0.7f) ? history.Recent(f.Random, 0.05, 96) : history.Pick(f.Random);
        var times = new List<DateTime> { last };
        for (var k = 1; k < count; k++)
            times.Add(times[^1].AddMinutes(-f.Random.WeightedRandom([f.Random.Int(1, 15), f.Random.Int(15, 240), f.Random.Int(240, 2880)], [0.5f, 0.35f, 0.15f])));
        times.Reverse();
        return times;
    }

    /// <summary>Stable ids, so the demo compares equal run to run.</summary>
    internal static Guid DemoGuid(int kind, long n) => new((int)kind, 0, 0, BitConverter.GetBytes(n));
}
