using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using Bogus;

namespace AdminPortal.Features.Vendors;

/// <summary>
/// Platform users the Venta and Cloutsy demos create in auth.users: no password (they cannot sign in to the portal),
/// every generated value drawn from the caller's seeded <see cref="Faker"/> so the demo stays deterministic.
/// </summary>
internal static class DemoUsers
{
    public static PortalUser Create(Faker f, string email, string firstName, string lastName, DateTime createdAt) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        Name = $"{firstName} {lastName}",
        FirstName = firstName,
        LastName = lastName,
        SecurityStamp = f.Random.Hash(32).ToUpperInvariant(),
        ConcurrencyStamp = f.Random.Uuid().ToString(),
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };
}
