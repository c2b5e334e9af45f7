using AdminPortal.Data.Identity;
using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Bogus;
using Microsoft.EntityFrameworkCore;
using AdminPortal.Data.Bulk;
using Npgsql;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>
/// The helpdesk demo (SST-Resolve): a campus, students, staff, categories with assignees and ladders, 900 tickets over the 90 days before the anchor (decision 0022)
/// in every status with their timeline. Deterministic: a fixed Bogus seed and times relative to the clock's now.
/// At <see cref="DemoScale.Large"/> it adds a million tickets by COPY.
/// </summary>
public sealed class HelpdeskDemoData(TimeProvider clock, NpgsqlDataSource dataSource) : IDemoDataPart
{
    public const int Seed = 600;
    public const int DemoStudents = 120;
    public const int DemoTicketCount = 900;

    public int Order => 600;
    public string Name => "helpdesk";

    // needs only the demo accounts (staff A and B), so LargeLoadAfter is empty; nothing else reads the helpdesk's tables

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        var now = TruncateToSecond(clock.GetUtcNow().UtcDateTime);
        var faker = new Faker("en_IND") { Random = new Randomizer(Seed) };
        var watch = Stopwatch.StartNew();
        var campus = await DemoCampus.SeedAsync(db, ct);
        var people = await DemoPeople.SeedAsync(db, faker, campus, now, ct);
        var desk = await DemoDesk.SeedAsync(db, people, now, ct);
        LoadTimings.Record("helpdesk: campus, people, desk", watch.Elapsed);
        // the large tickets first, while the tables that reference tickets are empty (see LargeTickets)
        if (scale == DemoScale.Large)
            await LargeTickets.LoadAsync(dataSource, campus, people, desk, now, LargeTickets.DefaultCount, ct);
        watch.Restart();
        await DemoTickets.SeedAsync(db, faker, campus, people, desk, now, DemoTickets.Count, ct);
        LoadTimings.Record($"helpdesk: {DemoTickets.Count} demo tickets", watch.Elapsed);
    }

    internal static DateTime TruncateToSecond(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>A user row written without Identity (no password: these users cannot sign in to the portal).</summary>
    internal static PortalUser NewUser(Faker f, string email, string name, DateTime at) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        Name = name,
        PhoneNumber = "+91 9" + f.Random.ReplaceNumbers("#########"),
        ClerkId = "user_" + f.Random.AlphaNumeric(24),
        SecurityStamp = f.Random.Guid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = f.Random.Guid().ToString(),
        LockoutEnabled = true,
        CreatedAt = at,
        UpdatedAt = at,
    };

    internal static async Task<Dictionary<string, int>> RoleIdsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.PortalRoles.Select(r => r.Name).ToListAsync(ct);
        foreach (var name in PortalRoles.All.Except(existing))
            db.PortalRoles.Add(new Role { Name = name, Description = RoleDescriptions.Of(name) });
        await db.SaveChangesAsync(ct);
        return await db.PortalRoles.ToDictionaryAsync(r => r.Name, r => r.Id, ct);
    }
}
