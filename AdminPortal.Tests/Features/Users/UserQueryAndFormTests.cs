using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users;

public sealed class UserQueryAndFormTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task AddPlatformUserAsync(string email, string name, string phone, PlatformUserStatus status, bool deleted = false)
    {
        await using var db = await DbAsync();
        db.Users.Add(new PortalUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            Name = name, PhoneNumber = phone, Status = status, RegistrationPlatform = PlatformType.Dobe,
            DeletedAt = deleted ? DateTime.UtcNow : null, SecurityStamp = "s",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_list_searches_email_name_and_phone_and_filters_by_role_status_platform_deleted()
    {
        await AddPlatformUserAsync("priya_shah@example.org", "Priya Shah", "+91 98765 43210", PlatformUserStatus.Verified);
        await AddPlatformUserAsync("ravi@example.org", "Ravi 100% Kumar", "+91 91234 00000", PlatformUserStatus.Inactive, deleted: true);
        var admin = await AdminAsync();
        var list = Service<UserQueryService>();
        async Task<string[]> Emails(UserListQuery q) => (await list.ListAsync(admin, q)).Rows.Select(r => r.Email).ToArray();
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "SHAH")));
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "98765")));
        Assert.Empty(await Emails(new(Search: "priya%shah"))); // wildcards are literal
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "priya_shah")));
        Assert.Empty(await Emails(new(Search: "ravi")));
        Assert.Equal(["ravi@example.org"], await Emails(new(Search: "100%", Deleted: DeletedFilter.Deleted)));
        Assert.Equal(["ravi@example.org"], await Emails(new(Status: PlatformUserStatus.Inactive, Deleted: DeletedFilter.All)));
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Platform: PlatformType.Dobe)));
        Assert.Equal(["moderator2@adminportal.demo", "moderator@adminportal.demo"], await Emails(new(Role: PortalRoles.Moderator, Sort: UserSort.Email)));
        var page = await list.ListAsync(admin, new(PageSize: 10, Page: 1));
        Assert.Equal(6, page.Total); // five demo accounts and Priya; Ravi is deleted
        var moderator = As(await IdOf("moderator@adminportal.demo"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => list.ListAsync(moderator, new()));
    }

    [Fact]
    public async Task Filters_round_trip_through_the_url()
    {
        var query = new UserListQuery("a b", PortalRoles.Staff, PlatformUserStatus.NotVerified, PlatformType.CauseI, DeletedFilter.All, UserSort.Name, 3);
        var back = UsersUrl.Parse(UsersUrl.ToQuery(query).ToDictionary(kv => kv.Key, kv => (string?)kv.Value?.ToString()));
        Assert.Equal(query, back);
        Assert.Equal("/users/export.csv?q=a%20b&role=Staff&status=not-verified&platform=cause-i&deleted=all&sort=name", UsersUrl.ExportHref(query));
    }

    [Fact]
    public void Pages_stop_at_the_depth_cap_and_totals_past_it_read_as_capped()
    {
        var deep = UsersUrl.Parse(new Dictionary<string, string?> { ["page"] = "900", ["size"] = "50" });
        Assert.Equal(200, deep.Page);
        Assert.Equal(9_950, new UserListQuery(Page: 5_000, PageSize: 50).Offset);
        Assert.Equal(50, new UserListQuery(Page: 2, PageSize: 50).Offset);
        Assert.True(new UserListPage([], UserListQuery.MaxDepth + 1).TotalIsCapped);
        Assert.False(new UserListPage([], UserListQuery.MaxDepth).TotalIsCapped);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+91 98765", "'+91 98765")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_formula_safe(string? value, string expected) =>
        Assert.Equal(expected, UsersExport.Cell(value));

    [Fact]
    public async Task A_staff_account_is_created_with_roles_and_a_set_password_link_and_bad_input_changes_nothing()
    {
        var admin = await AdminAsync();
        var staff = Service<StaffAccounts>();
        Assert.Equal("email", (await staff.CreateAsync(admin, new("not-an-email", "X", null, [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("email", (await staff.CreateAsync(admin, new("MODERATOR@adminportal.demo", "X", null, [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("phone", (await staff.CreateAsync(admin, new("new@example.org", "X", "12ab", [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("roles", (await staff.CreateAsync(admin, new("new@example.org", "X", null, []))).Field);
        await using (var db = await DbAsync())
            Assert.False(await db.Users.AnyAsync(u => u.Email == "new@example.org"));
        var ok = await staff.CreateAsync(admin, new("new@example.org", "Nia New", "+91 98765 43210", [new(PortalRoles.Moderator)]));
        Assert.True(ok.Succeeded, ok.Message);
        Assert.Contains("token=", ok.Link, StringComparison.Ordinal);
        var created = await UserAsync("new@example.org");
        Assert.Null(created.PasswordHash);
        Assert.Equal(RoleAssignmentsRow(PortalRoles.Moderator), await RolesOf(created.Id));
        Assert.Equal(UserAuditActions.Create, Assert.Single(await AuditOfAsync(created.Id)).Action);
    }

    private static string[] RoleAssignmentsRow(params string[] roles) => roles;

    private async Task<string[]> RolesOf(int id)
    {
        await using var db = await DbAsync();
        return await db.UserRoles.Where(r => r.UserId == id).Select(r => r.Role!.Name).ToArrayAsync();
    }

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
        var (bad, errors) = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.False(bad.Succeeded);
        Assert.Equal(["ContactNumber", "DateOfBirth", "Pincode"], errors.Keys.Order());
        form.Pincode = "560034";
        form.ContactNumber = "9876543210";
        form.ContactNumberCountryCode = "+91";
        form.DateOfBirth = new DateTime(1999, 4, 1);
        (bad, errors) = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.Equal("Another account already uses this email.", errors["Email"]);
        Assert.Equal(target.Version, (await UserAsync(target.Email!)).Version);
        form.Email = target.Email;
        var (ok, _) = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.True(ok.Succeeded, ok.Message);
        var after = await UserAsync(target.Email!);
        Assert.Equal(560034, after.Pincode);
        Assert.Equal(9876543210, after.ContactNumber);
        Assert.Equal(new DateOnly(1999, 4, 1), after.Dob);
        // a second editor who loaded the old version is told who saved first
        var (late, _) = await edits.SaveAsync(await AdminAsync(), target.Id, target.Version, form);
        Assert.True(late.Conflict);
        Assert.Contains("Asha Admin edited the profile", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_can_triage_a_hostel_and_category_follows_scope_matching()
    {
        await using (var db = await DbAsync())
        {
            db.Add(new AdminPortal.Features.Tickets.Model.Hostel { Id = 1, Name = "Neeladri" });
            db.Add(new AdminPortal.Features.Tickets.Model.Hostel { Id = 2, Name = "Velankani" });
            db.Add(new AdminPortal.Features.Tickets.Model.Category { Id = 7, Name = "Mess" });
            await db.SaveChangesAsync();
        }
        var messStaff = await CreateStaffAsync("mess@example.org", new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Category, 7));
        var report = Service<AccessReport>();
        var admin = await AdminAsync();
        var holders = await report.WhoCanAsync(admin, Permission.TriageTickets, hostelId: 1, categoryId: 7);
        Assert.Equal(["Asha Admin:Admin:everywhere", "New Person:Staff:category Mess", "Sana Staff:Staff:hostel Neeladri"],
            holders.Select(h => $"{h.Name}:{h.Role}:{h.Where}"));
        var hostelB = await report.WhoCanAsync(admin, Permission.TriageTickets, hostelId: 2, categoryId: null);
        Assert.Equal(["Asha Admin", "Sid Staff"], hostelB.Select(h => h.Name));
        var effective = await report.PermissionsOfAsync(admin, messStaff);
        Assert.Equal([Permission.ViewDashboard, Permission.TriageTickets], effective.Select(e => e.Permission));
        Assert.Equal(["Staff, category Mess"], effective.Single(e => e.Permission == Permission.TriageTickets).Sources);
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
        var queries = Service<UserQueryService>();
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
        var detail = await Services.CreateScope().ServiceProvider.GetRequiredService<UserQueryService>().DetailAsync(await AdminAsync(), staff.Id);
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
