using AdminPortal.Data.Rollups;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Data.Rollups;

/// <summary>
/// Property: whatever sequence of decisions the portal takes (moderation one by one and in bulk, ticket actions,
/// comments, new tickets, user changes), the rollups and the live counters its triggers keep equal a from-scratch
/// recount (<c>rollups rebuild</c>, one grouped count of the tables per rollup).
/// Plain randomized runs with fixed seeds (reproducible): each seed is one sequence of 70 steps.
/// </summary>
public sealed class RollupRecountTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData(1600)]
    [InlineData(2026)]
    [InlineData(7)]
    public async Task Rollups_equal_a_recount_after_a_random_sequence_of_decisions(int seed)
    {
        var products = await new ProductTestData(Fixture).SeedAsync();
        var desk = await TicketTestData.CreateAsync(Fixture);
        var random = new Random(seed);
        var causes = Enum.GetValues<Cause>();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
            ids.Add((await products.AddAsync(cause: causes[random.Next(causes.Length)],
                created: Fixture.Clock.GetUtcNow().UtcDateTime.AddHours(-random.Next(1, 200)))).Id);
        var tickets = new List<int>();
        for (var i = 0; i < 8; i++)
            tickets.Add((await desk.TicketAsync(Fixture, random.Next(2) == 0 ? desk.HostelA : desk.HostelB,
                category: random.Next(3) == 0 ? desk.Mess : desk.Maintenance)).Id);
        System.Security.Claims.ClaimsPrincipal[] moderators = [products.Admin, products.Moderator, products.Moderator2];
        System.Security.Claims.ClaimsPrincipal[] staff = [desk.AsAdmin, desk.AsStaffA, desk.AsStaffB, TicketTestData.As(desk.Specialist.UserId)];
        var decided = 0;

        for (var step = 0; step < 70; step++)
        {
            Fixture.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 300)));   // days change; the shared clock stays near
            await using var scope = Scope();
            var moderation = scope.ServiceProvider.GetRequiredService<ProductModeration>();
            var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();
            var who = moderators[random.Next(moderators.Length)];
            var product = ids[random.Next(ids.Count)];
            var ticket = tickets[random.Next(tickets.Count)];
            var person = staff[random.Next(staff.Length)];
            var outcome = random.Next(13) switch
            {
                0 => await moderation.DecideAsync(who, new ProductDecision(product, ModerationAction.Approve)),
                1 => await moderation.DecideAsync(who, new ProductDecision(product, ModerationAction.Reject, Reason: "Blurry")),
                2 => await moderation.DecideAsync(who, new ProductDecision(product, ModerationAction.RequestChanges, Reason: "Fix it")),
                3 => await moderation.DecideAsync(products.Admin, new ProductDecision(product, ModerationAction.Reopen)),
                4 => await EditCauseAsync(moderation, who, product, causes[random.Next(causes.Length)]),
                5 => (AdminPortal.Shared.Outcome)(await moderation.DecideManyAsync(who, new BulkDecision(random.Next(2) == 0 ? ModerationAction.Approve : ModerationAction.Reject,
                    [ids[random.Next(ids.Count)], ids[random.Next(ids.Count)]], null, "Bulk reason"))),
                6 => await TryAsync(() => actions.TakeAsync(person, ticket, null)),
                7 => await TryAsync(() => actions.ChangeStatusAsync(person, ticket, null,
                    Enum.GetValues<TicketStatus>()[random.Next(7)], "Done, please check", desk.Mess.Id)),
                8 => await TryAsync(() => actions.CommentAsync(person, ticket, "On it", random.Next(3) == 0)),
                9 => await TryAsync(() => actions.AssignAsync(person, ticket, null,
                    new[] { desk.StaffA.Id, desk.StaffB.Id, desk.Specialist.Id }[random.Next(3)])),
                10 => await TryAsync(() => actions.EscalateAsync(person, ticket, null, "Student waiting too long")),
                11 => await CreateTicketAsync(desk, random, tickets),
                _ => await ChangeUserAsync(random),
            };
            if (outcome.Succeeded)
                decided++;
        }

        Assert.True(decided > 10, $"only {decided} steps succeeded: the sequence proves little");
        var kept = await SnapshotAsync();
        Assert.Contains(kept, r => r.StartsWith("m:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("mc:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("mw:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("t:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("o:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("d:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith("p:", StringComparison.Ordinal));
        await RollupRebuild.RunAsync(Fixture.Database);
        Assert.Equal(await SnapshotAsync(), kept);
    }

    /// <summary>A new ticket, due anywhere from two days ago to two days on (the live counters' due days).</summary>
    private async Task<AdminPortal.Shared.Outcome> CreateTicketAsync(TicketTestData desk, Random random, List<int> tickets)
    {
        var due = Fixture.Clock.GetUtcNow().UtcDateTime.AddHours(random.Next(-48, 48));
        var ticket = await desk.TicketAsync(Fixture, random.Next(2) == 0 ? desk.HostelA : desk.HostelB,
            Enum.GetValues<TicketStatus>()[random.Next(Enum.GetValues<TicketStatus>().Length)],
            random.Next(3) == 0 ? null : random.Next(2) == 0 ? desk.StaffA : desk.StaffB, due,
            category: random.Next(3) == 0 ? desk.Mess : desk.Maintenance);
        tickets.Add(ticket.Id);
        return AdminPortal.Shared.Outcome.Done("created");
    }

    private static async Task<AdminPortal.Shared.Outcome> EditCauseAsync(ProductModeration moderation,
        System.Security.Claims.ClaimsPrincipal who, string id, Cause cause) =>
        await moderation.DecideAsync(who, new ProductDecision(id, ModerationAction.Edit,
            Edits: new ProductEdits("Edited title", "Edited description of the product", cause, 1000, 800)));

    private static async Task<AdminPortal.Shared.Outcome> TryAsync(Func<Task<AdminPortal.Shared.Outcome>> action)
    {
        try { return await action(); }
        catch (AdminPortal.Security.AccessDeniedException) { return AdminPortal.Shared.Outcome.Denied(); }
    }

    /// <summary>A platform user's status, platform or deletion changes (the users rollup), or a student's own comment.</summary>
    private async Task<AdminPortal.Shared.Outcome> ChangeUserAsync(Random random)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        // platform users only (students, vendors): the actors of the sequence keep their access
        var users = await db.Users.Where(u => u.Email!.StartsWith("student.") || u.Email!.EndsWith("@vendors.test"))
            .OrderBy(u => u.Id).ToListAsync();
        var user = users[random.Next(users.Count)];
        switch (random.Next(3))
        {
            case 0: user.Status = (AdminPortal.Features.Users.Platform.PlatformUserStatus)random.Next(3); break;
            case 1: user.DeletedAt = user.DeletedAt is null ? Fixture.Clock.GetUtcNow().UtcDateTime : null; break;
            default:
                var ticket = await db.Set<Ticket>().OrderBy(t => t.Id).FirstAsync();
                db.Add(new Comment { TicketId = ticket.Id, AuthorId = ticket.CreatedBy, Body = "Still broken", CreatedAt = Fixture.Clock.GetUtcNow().UtcDateTime });
                break;
        }
        await db.SaveChangesAsync();
        return AdminPortal.Shared.Outcome.Done("changed");
    }

    /// <summary>Every non-zero rollup row as text, sorted (a row the triggers took back to zero stays at zero).</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var rows = new List<string>();
        rows.AddRange((await db.Set<ModerationDay>().AsNoTracking().Where(r => r.Decisions != 0).ToListAsync())
            .Select(r => $"m:{r.Day:yyyy-MM-dd}:{r.ModeratorId}:{r.Cause}:{r.Outcome}:{r.WaitBucket}={r.Decisions}"));
        rows.AddRange((await db.Set<ModerationCauseDay>().AsNoTracking().Where(r => r.Decisions != 0).ToListAsync())
            .Select(r => $"mc:{r.Day:yyyy-MM-dd}:{r.Cause}:{r.Outcome}={r.Decisions}"));
        rows.AddRange((await db.Set<ModerationWaitDay>().AsNoTracking().Where(r => r.Decisions != 0).ToListAsync())
            .Select(r => $"mw:{r.Day:yyyy-MM-dd}:{r.WaitBucket}={r.Decisions}"));
        rows.AddRange((await db.Set<TicketDay>().AsNoTracking().Where(r => r.Tickets != 0).ToListAsync())
            .Select(r => $"t:{r.Day:yyyy-MM-dd}:{r.HostelId}:{r.CategoryId}:{r.StaffId}:{r.Measure}:{r.Bucket}={r.Tickets}"));
        rows.AddRange((await db.Set<UserDay>().AsNoTracking().Where(r => r.Users != 0).ToListAsync())
            .Select(r => $"u:{r.Day:yyyy-MM-dd}:{r.Status}:{r.Platform}:{r.Deleted}={r.Users}"));
        // the live counters (decision 0023): rows at zero are deleted, so every row counts
        rows.AddRange(await LiveCounterTests.LiveRowsAsync(db));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
