using AdminPortal.Data.Identity;
using Npgsql;
using System.Text.Json;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using Bogus;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>Deed-O and chat-app users: vendors, buyers, platform moderators and admins, with their auth rows.</summary>
public sealed class PlatformUsersDemo(NpgsqlDataSource dataSource) : IDemoDataPart
{
    public int Order => 100;
    public string Name => "platform users";

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        if (scale == DemoScale.Large)
        {
            await PlatformBulk.UsersAsync(dataSource, 100_000, ct);
            return;
        }
        var f = new Faker("en_IND") { Random = new Randomizer(1001) };
        var users = new List<PortalUser>();
        for (var i = 0; i < 60; i++)
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
                Gender = f.PickRandom("female", "male", "non-binary"), Dob = DateOnly.FromDateTime(f.Date.Past(40, PlatformDemo.Anchor.AddYears(-18))),
                Status = (PlatformUserStatus)(i % 3), RegistrationPlatform = (PlatformType)(i % 3),
                PlatformRole = i is 58 or 59 ? PlatformUserRole.Admin : i >= 55 ? PlatformUserRole.Moderator : PlatformUserRole.User,
                PurposeCode = vendor ? "SELL" : "BUY", Nationality = "Indian", Ethnicity = f.PickRandom("South Asian", "Other"),
                Qualification = f.PickRandom("Graduate", "Postgraduate", "Diploma"), Profession = vendor ? "Artisan" : f.Name.JobTitle(),
                IsOnline = i % 4 == 0, IsActive = i % 10 != 9, IsVerified = i % 3 == 1,
                LastLoginAt = PlatformDemo.Anchor.AddHours(-f.Random.Int(1, 24 * 30)),
                CreatedAt = PlatformDemo.Anchor.AddDays(-f.Random.Int(30, 400)), UpdatedAt = PlatformDemo.Anchor.AddDays(-f.Random.Int(0, 29)),
            });
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);
        AddAuthRows(db, f, users);
        await db.SaveChangesAsync(ct);
    }

    private static void AddAuthRows(PortalDbContext db, Faker f, List<PortalUser> users)
    {
        foreach (var (u, i) in users.Select((u, i) => (u, i)))
        {
            db.Add(new Token { UserId = u.Id, PlatformType = u.RegistrationPlatform, ExpireAt = PlatformDemo.Anchor.AddDays(f.Random.Int(-5, 30)) });
            db.Add(new UserVerification
            {
                UserId = u.Id, OtpCode = f.Random.Replace("######"), VerificationSource = i % 2 == 0 ? "email" : "sms",
                ActionPlatform = u.RegistrationPlatform, Action = (VerificationAction)(i % 2), Verified = u.Status == PlatformUserStatus.Verified,
                ExpireAt = u.CreatedAt.AddMinutes(10), CreatedAt = u.CreatedAt, UpdatedAt = u.CreatedAt,
            });
            db.Add(new Profile
            {
                UserId = u.Id, DisplayName = u.Name, Bio = f.Lorem.Sentence(8), AvatarUrl = $"https://i.pravatar.cc/128?u={u.Id}",
                CreatedAt = u.CreatedAt, UpdatedAt = u.UpdatedAt,
            });
            db.Add(new UserSetting { UserId = u.Id, Key = "theme", Value = JsonDocument.Parse(i % 2 == 0 ? "\"dark\"" : "\"light\""), UpdatedAt = u.UpdatedAt });
            db.Add(new UserSetting { UserId = u.Id, Key = "language", Value = JsonDocument.Parse("\"en-IN\""), UpdatedAt = u.UpdatedAt });
            for (var s = 0; s < 1 + i % 3; s++)
                db.Add(new RefreshToken
                {
                    UserId = u.Id, Token = f.Random.Hash(64), CreatedAt = PlatformDemo.Anchor.AddDays(-s * 7),
                    ExpiresAt = PlatformDemo.Anchor.AddDays(30 - s * 7), Revoked = s == 2, RevokedAt = s == 2 ? PlatformDemo.Anchor.AddDays(-1) : null,
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
