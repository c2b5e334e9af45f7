using AdminPortal.Data.Identity;
using Npgsql;
using System.Text.Json;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using Bogus;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>Deed-O and chat-app users: vendors, buyers, platform moderators and admins, with their auth rows.</summary>
public sealed class PlatformUsersDemo(NpgsqlDataSource dataSource, TimeProvider clock) : IDemoDataPart
{
    public int Order => 100;
    public const string PartName = "platform users";
    public string Name => PartName;

    /// <summary>The first 12 are vendors; 55 to 57 platform moderators, 58 and 59 platform admins; the rest buyers.</summary>
    public const int Count = 180;

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        var history = DemoHistory.Of(clock);
        var anchor = history.Anchor;
        if (scale == DemoScale.Large)
        {
            await PlatformBulk.UsersAsync(dataSource, history, 100_000, ct);
            return;
        }
        var f = new Faker("en_IND") { Random = new Randomizer(1001) };
        var users = new List<PortalUser>();
        for (var i = 0; i < Count; i++)
        {
            var vendor = i < 12;
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var email = $"{first}.{last}.{i}".ToLowerInvariant() + (vendor ? PlatformDemo.VendorDomain : PlatformDemo.BuyerDomain);
            users.Add(new PortalUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = $"demo-{i}",
                Name = $"{first} {last}", Username = $"{first}{i}".ToLowerInvariant(),
                ContactNumber = 9_000_000_000 + f.Random.Long(0, 999_999_999), ContactNumberCountryCode = "+91",
                City = f.Address.City(), State = f.Address.State(), Country = "India", Pincode = f.Random.Int(110_001, 855_999),
                Gender = f.PickRandom("female", "male", "non-binary"), Dob = DateOnly.FromDateTime(f.Date.Past(40, anchor.AddYears(-18))),
                Status = (PlatformUserStatus)(i % 3), RegistrationPlatform = (PlatformType)(i % 3),
                PlatformRole = i is 58 or 59 ? PlatformUserRole.Admin : i >= 55 ? PlatformUserRole.Moderator : PlatformUserRole.User,
                PurposeCode = vendor ? "SELL" : "BUY", Nationality = "Indian", Ethnicity = f.PickRandom("South Asian", "Other"),
                Qualification = f.PickRandom("Graduate", "Postgraduate", "Diploma"), Profession = vendor ? "Artisan" : f.Name.JobTitle(),
                IsOnline = i % 4 == 0, IsActive = i % 10 != 9, IsVerified = i % 3 == 1,
            });
            // most registered in the last 90 days (the registrations chart), the first users long before
            var created = i < 24 || f.Random.Bool(0.15f) ? anchor.AddDays(-f.Random.Int(91, 400)).AddMinutes(-f.Random.Int(0, 1440)) : history.Pick(f.Random);
            users[^1].CreatedAt = created;
            users[^1].UpdatedAt = created.AddMinutes((anchor - created).TotalMinutes * f.Random.Double(0, 0.9));
            users[^1].LastLoginAt = created.AddMinutes((anchor - created).TotalMinutes * f.Random.Double(0.5, 1));
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);
        AddAuthRows(db, f, users, anchor);
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] VendorBios =
        ["Handloom weaver, third generation.", "We make small-batch organic food with farmer groups.",
         "Potter and teacher. Every piece is thrown by hand.", "Community homestays in the Western Ghats."];

    private static readonly string[] BuyerBios =
        ["Collector of handmade things.", "Gifts that do some good.", "Slow fashion, fewer things.", "Weekend traveller, tea lover."];

    private static void AddAuthRows(PortalDbContext db, Faker f, List<PortalUser> users, DateTime anchor)
    {
        foreach (var (u, i) in users.Select((u, i) => (u, i)))
        {
            db.Add(new Token { UserId = u.Id, PlatformType = u.RegistrationPlatform, ExpireAt = anchor.AddDays(f.Random.Int(-5, 30)) });
            db.Add(new UserVerification
            {
                UserId = u.Id, OtpCode = f.Random.Replace("######"), VerificationSource = i % 2 == 0 ? "email" : "sms",
                ActionPlatform = u.RegistrationPlatform, Action = (VerificationAction)(i % 2), Verified = u.Status == PlatformUserStatus.Verified,
                ExpireAt = u.CreatedAt.AddMinutes(10), CreatedAt = u.CreatedAt, UpdatedAt = u.CreatedAt,
            });
            db.Add(new Profile
            {
                UserId = u.Id, DisplayName = u.Name, Bio = u.PurposeCode == "SELL" ? f.PickRandom(VendorBios) : f.PickRandom(BuyerBios), AvatarUrl = $"https://i.pravatar.cc/128?u={u.Id}",
                CreatedAt = u.CreatedAt, UpdatedAt = u.UpdatedAt,
            });
            db.Add(new UserSetting { UserId = u.Id, Key = "theme", Value = JsonDocument.Parse(i % 2 == 0 ? "\"dark\"" : "\"light\""), UpdatedAt = u.UpdatedAt });
            db.Add(new UserSetting { UserId = u.Id, Key = "language", Value = JsonDocument.Parse("\"en-IN\""), UpdatedAt = u.UpdatedAt });
            for (var s = 0; s < 1 + i % 3; s++)
                db.Add(new RefreshToken
                {
                    UserId = u.Id, Token = f.Random.Hash(64), CreatedAt = anchor.AddDays(-s * 7),
                    ExpiresAt = anchor.AddDays(30 - s * 7), Revoked = s == 2, RevokedAt = s == 2 ? anchor.AddDays(-1) : null,
                });
            var other = users[(i + 1 + i % 7) % users.Count];
            if (other.Id != u.Id)
                db.Add(new UserRelationship
                {
                    UserId = u.Id, RelatedUserId = other.Id, Type = i % 9 == 0 ? UserRelationship.Blocked : UserRelationship.Friend,
                    Status = i % 9 == 0 ? UserRelationship.Accepted : f.PickRandom(UserRelationship.Pending, UserRelationship.Accepted, UserRelationship.Rejected),
                    CreatedAt = u.CreatedAt, UpdatedAt = u.UpdatedAt,
                });
        }
    }
}
