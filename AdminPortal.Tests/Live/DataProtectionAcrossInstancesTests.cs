using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

/// <summary>Cookies and antiforgery tokens made by one instance must be readable by another (docs/deploy.md).</summary>
public sealed class DataProtectionAcrossInstancesTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task What_one_instance_protects_another_instance_unprotects()
    {
        await using var a = PostgresFixture.BuildServices(Fixture.ConnectionString, new FakeTimeProvider());
        await using var b = PostgresFixture.BuildServices(Fixture.ConnectionString, new FakeTimeProvider());
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

        var secret = a.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("asha@example.test");

        Assert.Equal("asha@example.test",
            b.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(secret));
    }
}
