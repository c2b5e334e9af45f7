using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Components.Account;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Account;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Users;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Account;

/// <summary>Second factors on the real database: authenticator enrolment and codes, recovery codes, admin reset.</summary>
public sealed partial class SecondFactorTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private const string Email = "moderator2@adminportal.demo";

    private static IServiceProvider WithHttp(AsyncServiceScope scope)
    {
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = sp };
        return sp;
    }

    /// <summary>Sets up the authenticator of the user with a code made from the key the page would show.</summary>
    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAuthenticatorAsync(string email)
    {
        await using var scope = Scope();
        var sp = WithHttp(scope);
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var factors = sp.GetRequiredService<SecondFactors>();
        var user = (await users.FindByEmailAsync(email))!;
        var setup = await factors.AuthenticatorSetupAsync(user);
        Assert.StartsWith("data:image/png;base64,", setup.QrDataUri, StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/AdminPortal:", setup.Uri, StringComparison.Ordinal);
        var wrong = await factors.ConfirmAuthenticatorAsync(user, "000000" == OneTimeCodes.At(setup.Key, Fixture.Clock.GetUtcNow()) ? "111111" : "000000");
        Assert.False(wrong.Succeeded);
        var done = await factors.ConfirmAuthenticatorAsync(user, OneTimeCodes.At(setup.Key, Fixture.Clock.GetUtcNow()));
        Assert.True(done.Succeeded, done.Message);
        return (setup.Key, done.Value!);
    }

    [Fact]
    public async Task An_authenticator_is_enrolled_with_a_code_from_its_key_and_then_signs_in_once_per_code()
    {
        var (key, codes) = await EnrolAuthenticatorAsync(Email);
        Assert.Equal(SecondFactors.RecoveryCodeCount, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var user = await UserAsync(Email);
        Assert.True(user.TwoFactorEnabled);

        await using var scope = Scope();
        var sp = WithHttp(scope);
        var factors = sp.GetRequiredService<SecondFactors>();
        var tracked = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(Email))!;
        var now = OneTimeCodes.At(key, DateTimeOffset.UtcNow);   // Identity's provider reads the real clock
        Assert.True(await factors.CheckCodeAsync(tracked, now));
        Assert.False(await factors.CheckCodeAsync(tracked, now));   // the same code again: refused
        Assert.False(await factors.CheckCodeAsync(tracked, "12345"));

        var audit = await AuditOfAsync(user.Id);
        Assert.Contains(audit, a => a.Action == SecondFactorAudit.Enrol && a.ActorId == user.Id);
        Assert.Equal(2, audit.Count(a => a.Action == SecondFactorAudit.Failed));
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var (_, codes) = await EnrolAuthenticatorAsync(Email);
        await using var scope = Scope();
        var sp = WithHttp(scope);
        var factors = sp.GetRequiredService<SecondFactors>();
        var user = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(Email))!;
        Assert.True(await factors.RedeemRecoveryCodeAsync(user, codes[3]));
        Assert.False(await factors.RedeemRecoveryCodeAsync(user, codes[3]));
        Assert.Equal(SecondFactors.RecoveryCodeCount - 1, (await factors.StatusAsync(user)).RecoveryCodesLeft);
        var audit = await AuditOfAsync(user.Id);
        Assert.Single(audit, a => a.Action == SecondFactorAudit.RecoveryCodeUsed);
        Assert.Single(audit, a => a.Action == SecondFactorAudit.Failed);
    }

    [Fact]
    public async Task Removing_the_last_factor_turns_two_factor_off_and_takes_the_recovery_codes()
    {
        await EnrolAuthenticatorAsync(Email);
        await using var scope = Scope();
        var sp = WithHttp(scope);
        var factors = sp.GetRequiredService<SecondFactors>();
        var user = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(Email))!;
        Assert.True((await factors.RemoveAuthenticatorAsync(user)).Succeeded);
        var status = await factors.StatusAsync(user);
        Assert.False(status.Any);
        Assert.Equal(0, status.RecoveryCodesLeft);
        Assert.False((await UserAsync(Email)).TwoFactorEnabled);
        Assert.Contains(await AuditOfAsync(user.Id), a => a.Action == SecondFactorAudit.Remove);
    }

    [Fact]
    public async Task An_admin_reset_removes_every_factor_and_ends_the_users_sessions()
    {
        await EnrolAuthenticatorAsync(Email);
        await using (var scope = Scope())
        {
            var sp = WithHttp(scope);
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            var passkey = new UserPasskeyInfo(RandomBytes(32), RandomBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, RandomBytes(40), RandomBytes(40));
            Assert.True((await sp.GetRequiredService<SecondFactors>().AddPasskeyAsync(user, passkey, "Laptop")).Succeeded);
        }
        var before = await UserAsync(Email);
        Assert.True(before.TwoFactorEnabled);
        var actions = Get<UserStatusActions>();
        var reset = await actions.ResetTwoFactorAsync(await AdminAsync(), before.Id, before.Version, "lost phone and laptop");
        Assert.True(reset.Succeeded, reset.Message);

        var after = await UserAsync(Email);
        Assert.False(after.TwoFactorEnabled);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);   // every cookie issued before is refused
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.UserPasskeys.AnyAsync(p => p.UserId == after.Id));
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == after.Id));
        var audit = await AuditOfAsync(after.Id);
        Assert.Contains(audit, a => a.Action == UserAuditActions.ResetTwoFactor && a.Reason == "lost phone and laptop");
        // nothing left to reset
        var again = await actions.ResetTwoFactorAsync(await AdminAsync(), after.Id, after.Version, "again please");
        Assert.False(again.Succeeded);
    }

    [Fact]
    public async Task After_the_password_a_user_with_a_factor_owes_it_and_gets_no_session_yet()
    {
        await EnrolAuthenticatorAsync(Email);
        await using var scope = Scope();
        var sp = WithHttp(scope);
        var attempt = sp.GetRequiredService<LoginAttempt>();
        var outcome = await attempt.RunAsync(Email, DemoAccounts.Password, false, "/products");
        Assert.Null(outcome.Error);
        Assert.Equal("/account/second-factor?returnUrl=%2Fproducts", outcome.Next);
        var cookies = sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.Response.Headers.SetCookie.ToString();
        Assert.Contains("AdminPortal.Pending=", cookies, StringComparison.Ordinal);
        Assert.DoesNotContain("AdminPortal.Auth=", cookies, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mfa_setting_defaults_to_admin_moderator_and_staff_outside_development_and_none_in_it()
    {
        static MfaPolicy Policy(string environment, Dictionary<string, string?>? settings = null) =>
            new(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });
        Assert.Equal([PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff], Policy("Production").RequiredRoles);
        Assert.Empty(Policy("Development").RequiredRoles);
        Assert.Equal([PortalRoles.Admin], Policy("Development", new() { [MfaPolicy.Setting + ":0"] = "Admin" }).RequiredRoles);
        Assert.Equal([PortalRoles.Staff, PortalRoles.Moderator], Policy("Production", new() { [MfaPolicy.Setting] = "Staff, Moderator" }).RequiredRoles);
        Assert.True(Policy("Production").Requires([PortalRoles.Staff]));
        Assert.False(Policy("Production").Requires([PortalRoles.User]));
    }

    [Fact]
    public async Task A_user_who_must_enrol_is_taken_to_enrolment_and_nothing_else_opens()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development",
            new Dictionary<string, string?> { [MfaPolicy.Setting + ":0"] = PortalRoles.Admin });
        using var client = await PostLoginAsync(host, "admin@adminportal.demo", "/users");
        Assert.Equal(HttpStatusCode.Redirect, client.Status);
        Assert.Equal("/account/second-factor/enrol?returnUrl=%2Fusers", client.Location);
        using var home = await client.Client.GetAsync("/users");
        Assert.Contains("/account/login", home.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var enrol = await client.Client.GetStringAsync("/account/second-factor/enrol");
        Assert.Contains("Add a second factor", enrol, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", enrol, StringComparison.Ordinal);
        // a role without the setting signs in with the password alone
        using var moderator = await PostLoginAsync(host, "moderator@adminportal.demo", null);
        Assert.Equal("/", moderator.Location);
    }

    [Fact]
    public async Task On_the_security_page_a_passkey_is_renamed_and_removed_through_its_forms()
    {
        // signed in first (a user with a passkey owes it after the password), then the passkey is added
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = await host.SignedInClientAsync(Email);
        await using (var scope = Scope())
        {
            var sp = WithHttp(scope);
            var user = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(Email))!;
            var passkey = new UserPasskeyInfo(RandomBytes(32), RandomBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, RandomBytes(40), RandomBytes(40));
            passkey.Name = "Laptop";
            // straight into the store: the signed-in cookie stays valid (on the page the cookie is refreshed instead)
            Assert.True((await sp.GetRequiredService<UserManager<PortalUser>>().AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        }

        async Task<string> PostAsync(string handler, params (string Key, string Value)[] fields)
        {
            var page = await client.GetStringAsync("/account/security");
            var values = fields.ToDictionary(f => f.Key, f => f.Value);
            values["_handler"] = handler;
            values["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
            using var post = await client.PostAsync("/account/security", new FormUrlEncodedContent(values));
            Assert.True(post.IsSuccessStatusCode, $"{handler}: {(int)post.StatusCode}");
            return await post.Content.ReadAsStringAsync();
        }
        var html = await client.GetStringAsync("/account/security");
        var id = WebUtility.HtmlDecode(PasskeyIdField().Match(html).Groups[1].Value);
        Assert.NotEmpty(id);

        var renamed = await PostAsync($"rename-passkey-{id}", ("PasskeyId", id), ("NewName", "Work laptop"));
        Assert.Contains("Renamed to &quot;Work laptop&quot;", renamed, StringComparison.Ordinal);
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var passkeys = await users.GetPasskeysAsync((await users.FindByEmailAsync(Email))!);
            Assert.Equal("Work laptop", Assert.Single(passkeys).Name);
        }

        var removed = await PostAsync($"remove-passkey-{id}", ("PasskeyId", id));
        Assert.Contains("is removed", removed, StringComparison.Ordinal);
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.Empty(await users.GetPasskeysAsync((await users.FindByEmailAsync(Email))!));
        }
    }

    [GeneratedRegex("name=\"PasskeyId\" value=\"([^\"]+)\"")]
    private static partial Regex PasskeyIdField();

    private sealed record LoginResult(HttpClient Client, HttpStatusCode Status, string? Location) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<LoginResult> PostLoginAsync(PortalWebHost host, string email, string? returnUrl)
    {
        var client = host.Client();
        var url = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await client.GetStringAsync(url);
        var token = Token().Match(form).Groups[1].Value;
        using var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        }));
        return new LoginResult(client, post.StatusCode, post.Headers.Location?.PathAndQuery());
    }

    private static byte[] RandomBytes(int n) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(n);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

internal static class LocationPaths
{
    /// <summary>The path and query of a redirect (absolute or relative).</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
