using AdminPortal.Data.Identity;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Security;

public sealed class PasswordPolicyTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData("short-pass1")]              // 11 characters
    [InlineData("password1234")]             // on the list
    [InlineData("Password2024!")]            // the list with digits and symbols around it
    [InlineData("qwertyuiop12")]
    [InlineData("aaaaaaaaaaaaaa")]           // one repeated character
    public async Task Weak_passwords_are_refused(string password)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(new PortalUser { UserName = "x@example.org", Email = "x@example.org" }, password);
        Assert.False(result.Succeeded);
        Assert.Equal(0, users.Users.Count());
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("lowercaseonlybutlong")]     // no composition rules
    [InlineData(DemoAccounts.Password)]
    public async Task Long_uncommon_passwords_are_accepted_without_composition_rules(string password)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(new PortalUser { UserName = "y@example.org", Email = "y@example.org" }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public void A_password_containing_the_email_name_is_weak() =>
        Assert.True(CommonPasswordValidator.IsWeak("asha.kumar-and-more", "asha.kumar@example.org"));
}
