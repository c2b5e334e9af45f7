using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AdminPortal.Features.Users.User;
using AdminPortal.Live;

namespace AdminPortal.Tests.Features.Users.User;

public sealed class ProfileAndAuditTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Profile_edits_check_every_field_and_save_only_good_input()
    {
        var target = await UserAsync("staff.a@adminportal.demo");
        var edits = Service<ProfileEdits>();
        var form = ProfileEdits.Form.Of(target);
        form.Email = "moderator@adminportal.demo";
        form.Pincode = "56A034";
        form.ContactNumber = "98-76";
        form.DateOfBirth = Fixture.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var bad = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        var errors = edits.Check(form);
        Assert.False(bad.Succeeded);
        Assert.Equal(["ContactNumber", "DateOfBirth", "Pincode"], errors.Keys.Order());
        form.Pincode = "560034";
        form.ContactNumber = "9876543210";
        form.ContactNumberCountryCode = "+91";
        form.DateOfBirth = new DateTime(1999, 4, 1);
        bad = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.Equal("Another account already uses this email.", bad.ErrorFor("Email"));
        Assert.Equal(target.Version, (await UserAsync(target.Email!)).Version);
        form.Email = target.Email;
        var ok = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.True(ok.Succeeded, ok.Message);
        var after = await UserAsync(target.Email!);
        Assert.Equal(560034, after.Pincode);
        Assert.Equal(9876543210, after.ContactNumber);
        Assert.Equal(new DateOnly(1999, 4, 1), after.Dob);
        // a second editor who loaded the old version is told who saved first
        var late = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.True(late.Kind == OutcomeKind.Conflict);
        Assert.Contains("Asha Admin edited the profile", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admins_own_profile_save_comes_back_on_the_feed_and_is_not_announced_to_them()
    {
        var target = await UserAsync("staff.a@adminportal.demo");
        var adminId = await IdOf("admin@adminportal.demo");
        var events = new List<ChangeEvent>();
        using var sub = Get<IChangeFeed>().Subscribe(e => e.Is(EntityTypes.User, target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            e => { lock (events) events.Add(e); return Task.CompletedTask; });
        var form = ProfileEdits.Form.Of(target);
        form.City = "Bengaluru";
        var saved = await Service<ProfileEdits>().SaveAsync(As(adminId), target.Id, target.Version, form);
        Assert.True(saved.Succeeded, saved.Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (events.Count == 0)
            await Task.Delay(20, timeout.Token);

        var own = new UserPageState(target.Id, adminId);
        var other = new UserPageState(target.Id, viewerId: adminId + 1000);
        lock (events)
            foreach (var e in events)
            {
                own.Noticed(e);
                other.Noticed(e);
            }

        Assert.Null(own.Change);
        Assert.Equal("Asha Admin", other.Change?.ActorName);
    }

    [Fact]
    public async Task The_audit_trail_pages_by_keyset_newest_first_as_target_and_actor()
    {
        var admin = await UserAsync("admin@adminportal.demo");
        var target = await UserAsync("staff.b@adminportal.demo");
        var actions = Service<UserStatusActions>();
        for (var i = 0; i < 5; i++)
        {
            var u = await UserAsync(target.Email!);
            var r = i % 2 == 0 ? await actions.DeactivateAsync(As(admin.Id), u.Id, u.Version, $"step {i}")
                               : await actions.ReactivateAsync(As(admin.Id), u.Id, u.Version, $"step {i}");
            Assert.True(r.Succeeded, r.Message);
            Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var queries = Service<UserDetailQueries>();
        var first = await queries.AuditAsync(As(admin.Id), target.Id, null, size: 2);
        Assert.Equal(["step 4", "step 3"], first.Rows.Select(r => r.Reason));
        var second = await queries.AuditAsync(As(admin.Id), target.Id, first.Next, size: 2);
        Assert.Equal(["step 2", "step 1"], second.Rows.Select(r => r.Reason));
        var last = await queries.AuditAsync(As(admin.Id), target.Id, second.Next, size: 2);
        Assert.Equal(["step 0"], last.Rows.Select(r => r.Reason));
        Assert.Null(last.Next);
        // as actor: the admin's trail holds all five
        Assert.Equal(5, (await queries.AuditAsync(As(admin.Id), admin.Id, null, size: 10)).Rows.Count);
    }
}

public sealed class UserDetailTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task The_user_page_reads_roles_sessions_masked_otps_and_relationships()
    {
        var staff = await UserAsync("staff.a@adminportal.demo");
        var other = await UserAsync("staff.b@adminportal.demo");
        await using (var db = await DbAsync())
        {
            db.Add(new UserVerification { UserId = staff.Id, OtpCode = "482913", VerificationSource = "sms", Action = VerificationAction.Login,
                ActionPlatform = PlatformType.DeedO, ExpireAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            db.Add(new Token { UserId = staff.Id, PlatformType = PlatformType.Dobe, ExpireAt = DateTime.UtcNow.AddDays(3) });
            db.Add(new RefreshToken { UserId = staff.Id, Token = "t1", ExpiresAt = DateTime.UtcNow.AddDays(3), CreatedAt = DateTime.UtcNow });
            db.Add(new UserRelationship { UserId = other.Id, RelatedUserId = staff.Id, Type = UserRelationship.Blocked, Status = UserRelationship.Accepted,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var detail = await Services.CreateScope().ServiceProvider.GetRequiredService<UserDetailQueries>().DetailAsync(await AdminAsync(), staff.Id);
        Assert.NotNull(detail);
        Assert.Equal("Staff of hostel #1", Assert.Single(detail.Roles).Label);
        var otp = Assert.Single(detail.Verifications);
        Assert.DoesNotContain("482913", otp.MaskedCode, StringComparison.Ordinal);
        Assert.Equal("••••••", otp.MaskedCode);
        Assert.Single(detail.Tokens);
        Assert.Single(detail.RefreshTokens);
        var relation = Assert.Single(detail.Relationships);
        Assert.Equal(("Sid Staff", "blocked", false), (relation.OtherName, relation.Type, relation.Outgoing));
    }
}
