using AdminPortal.Data.Identity;
using Microsoft.EntityFrameworkCore;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Data.Demo;

/// <summary>
/// The demo logins of Development, with a published password: they refuse to be created outside Development (the host's
/// environment; a container without a host, as in the tests, has none to refuse).
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, IDbContextFactory<PortalDbContext> dbFactory,
    IHostEnvironment? environment = null)
{
    public const string Password = "demo-password-2026";

    public static string RefusalMessage(string environmentName) =>
        $"The demo data and its accounts (published password) and `seed --reset` (which empties every table, the audit " +
        $"log included) run only in Development; this is {environmentName}. Set ASPNETCORE_ENVIRONMENT=Development on a " +
        "throwaway database, or use `create-admin --email X` for a first admin.";

    /// <summary>Throws <see cref="CommandException"/> with a clear message outside Development.</summary>
    public static void EnsureDevelopment(string environmentName)
    {
        if (!string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
            throw new CommandException(RefusalMessage(environmentName));
    }

    public static readonly (string Email, string Name, string Role, string Note)[] All =
    [
        ("admin@adminportal.demo", "Asha Admin", PortalRoles.Admin, "Admin"),
        ("moderator@adminportal.demo", "Mira Moderator", PortalRoles.Moderator, "Moderator"),
        ("moderator2@adminportal.demo", "Milan Moderator", PortalRoles.Moderator, "Moderator"),
        ("staff.a@adminportal.demo", "Sana Staff", PortalRoles.Staff, "Staff, hostel A"),
        ("staff.b@adminportal.demo", "Sid Staff", PortalRoles.Staff, "Staff, hostel B"),
    ];

    /// <summary>Staff A is scoped to hostel id 1 and staff B to hostel id 2: the helpdesk demo creates those first.</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (environment is not null)
            EnsureDevelopment(environment.EnvironmentName);
        foreach (var (email, name, role, note) in All)
        {
            (string, string?, string?)[] grants = role == PortalRoles.Staff
                ? [(role, ScopeDomains.Hostel, note.EndsWith('A') ? "1" : "2")]
                : [(role, null, null)];
            var result = await AdminAccounts.CreateWithRolesAsync(users, dbFactory, email, Password, name, grants);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public static void Print(TextWriter output)
    {
        output.WriteLine($"Demo logins (password: {Password}):");
        foreach (var (email, _, _, note) in All)
            output.WriteLine($"  {email,-32} {note}");
    }
}
