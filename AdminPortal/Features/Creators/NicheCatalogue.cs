using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Creators;

/// <summary>What a niche edit sends: its name, icon and description.</summary>
public sealed record NicheFields(string Name, string? Icon, string? Description)
{
    public const int NameMax = 100, IconMax = 32, DescriptionMax = 500;

    public static readonly TextRule NameRule = TextRules.For<Niche>(n => n.Name, "Name", "The name", required: true);
    public static readonly TextRule IconRule = TextRules.For<Niche>(n => n.Icon, "Icon", "The icon");
    public static readonly TextRule DescriptionRule = TextRules.For<Niche>(n => n.Description, "Description", "The description", cap: DescriptionMax);

    public NicheFields Normalised() => new(TextRules.Normalize(Name) ?? "", TextRules.Normalize(Icon), TextRules.Normalize(Description));

    /// <summary>The first field at fault and why (the one text rule, decision 0016), or null.</summary>
    public (string Field, string Message)? Problem() =>
        NameRule.Check(Name).Problem is { } name ? (NameRule.Field, name)
        : IconRule.Check(Icon).Problem is { } icon ? (IconRule.Field, icon)
        : DescriptionRule.Check(Description).Problem is { } description ? (DescriptionRule.Field, description)
        : null;
}

/// <summary>
/// The niche catalogue's actions: create, edit (rename, icon, description), retire (kept on existing links, not offered
/// for new ones) and reactivate, and merge one niche into another: its influencer and brand links move to the target,
/// links the target already has are dropped (the pairs stay unique), and the source is retired, all in one
/// transaction with its audit record.
/// </summary>
public sealed class NicheCatalogue(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = "niche";

    public static readonly ReasonRules Reason = new(3, 500,
        ["Duplicate of another niche", "Too narrow", "No longer a Cloutsy category", "Policy change"]);

    public async Task<Outcome<int>> CreateAsync(ClaimsPrincipal by, NicheFields fields, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCreators, ct);
        var f = fields.Normalised();
        if (f.Problem() is { } problem)
            return Outcome<int>.Failed(Outcome.Refused(problem.Message, problem.Field));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NameTakenAsync(db, f.Name, null, ct))
            return Outcome<int>.Failed(Outcome.Refused($"A niche named “{f.Name}” exists already.", "Name"));
        var now = clock.GetUtcNow().UtcDateTime;
        var niche = new Niche { Name = f.Name, Icon = f.Icon, Description = f.Description, CreatedAt = now, UpdatedAt = now };
        db.Add(niche);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor.ToAudit(), "niche.create", EntityType, Key(niche.Id), null, f);
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, niche.Id, "created", ct);
        return Outcome<int>.Done(niche.Id, $"Niche “{f.Name}” created.");
    }

    public Task<Outcome> EditAsync(ClaimsPrincipal by, int id, uint version, NicheFields fields, CancellationToken ct = default) =>
        ChangeAsync(by, id, version, "niche.edit", null, ct, async (db, n) =>
        {
            var f = fields.Normalised();
            if (f.Problem() is { } problem)
                return Outcome.Refused(problem.Message, problem.Field);
            if (await NameTakenAsync(db, f.Name, id, ct))
                return Outcome.Refused($"A niche named “{f.Name}” exists already.", "Name");
            (n.Name, n.Icon, n.Description) = (f.Name, f.Icon, f.Description);
            return null;
        });

    public Task<Outcome> RetireAsync(ClaimsPrincipal by, int id, uint version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(by, id, version, "niche.retire", reason, ct, (_, n) =>
            Task.FromResult(n.IsActive ? SetActive(n, false) : Outcome.Refused("The niche is already retired.")));

    public Task<Outcome> ReactivateAsync(ClaimsPrincipal by, int id, uint version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(by, id, version, "niche.reactivate", reason, ct, (_, n) =>
            Task.FromResult(!n.IsActive ? SetActive(n, true) : Outcome.Refused("The niche is already active.")));

    private static Outcome? SetActive(Niche n, bool active)
    {
        n.IsActive = active;
        return null;
    }

    /// <summary>Moves every link of <paramref name="sourceId"/> to <paramref name="targetId"/> and retires the source.</summary>
    public async Task<Outcome> MergeAsync(ClaimsPrincipal by, int sourceId, int targetId, string? reason, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCreators, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        if (sourceId == targetId)
            return Outcome.Refused("Pick another niche to merge into.", "Target");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // both rows locked in id order: two merges of the same pair wait for each other, never deadlock
        var pair = await db.Set<Niche>().FromSqlInterpolated(
                $"SELECT n.*, n.xmin FROM creators.niches n WHERE n.id IN ({sourceId}, {targetId}) ORDER BY n.id FOR UPDATE")
            .ToListAsync(ct);
        if (pair.SingleOrDefault(n => n.Id == sourceId) is not { } source || pair.SingleOrDefault(n => n.Id == targetId) is not { } target)
            return Outcome.NotFound("One of the two niches no longer exists.");
        if (!target.IsActive)
            return Outcome.Refused($"“{target.Name}” is retired: merge into an active niche.", "Target");
        var moved = 0;
        var dropped = 0;
        foreach (var (table, owner) in new[] { ("influencer_niches", "influencer_id"), ("brand_niches", "brand_id") })
        {
            // table and column names are constants of this method, never input
#pragma warning disable EF1002, EF1003
            moved += await db.Database.ExecuteSqlRawAsync(
                $"UPDATE creators.{table} l SET niche_id = {{1}}, updated_at = now() WHERE l.niche_id = {{0}} AND NOT EXISTS " +
                $"(SELECT 1 FROM creators.{table} d WHERE d.{owner} = l.{owner} AND d.niche_id = {{1}})", [sourceId, targetId], ct);
            dropped += await db.Database.ExecuteSqlRawAsync($"DELETE FROM creators.{table} WHERE niche_id = {{0}}", [sourceId], ct);
#pragma warning restore EF1002, EF1003
        }
        var now = clock.GetUtcNow().UtcDateTime;
        source.IsActive = false;
        source.UpdatedAt = now;
        target.UpdatedAt = now;
        audit.Add(db, actor.ToAudit(), "niche.merge", EntityType, Key(sourceId),
            new { source = source.Name, target = target.Name }, new { into = targetId, moved, dropped }, ReasonRules.Normalize(reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, sourceId, "merged", ct);
        return Outcome.Done($"“{source.Name}” merged into “{target.Name}”: {moved} links moved, {dropped} duplicates dropped.");
    }

    private async Task<Outcome> ChangeAsync(ClaimsPrincipal by, int id, uint version, string action, string? reason, CancellationToken ct,
        Func<PortalDbContext, Niche, Task<Outcome?>> apply)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCreators, ct);
        if (action != "niche.edit" && Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var niche = await db.Set<Niche>().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (niche is null)
            return Outcome.NotFound("There is no such niche.");
        if (niche.Version != version)
            return await ConflictAsync(db, id, ct);
        var before = new NicheFields(niche.Name, niche.Icon, niche.Description);
        var wasActive = niche.IsActive;
        if (await apply(db, niche) is { } refused)
            return refused;
        niche.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), action, EntityType, Key(id), new { before.Name, before.Icon, before.Description, active = wasActive },
            new { niche.Name, niche.Icon, niche.Description, active = niche.IsActive }, ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, id, ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused($"A niche named “{niche.Name}” exists already.", "Name");
        }
        await PublishAsync(actor, id, "updated", ct);
        return Outcome.Done($"Saved: {niche.Name}.");
    }

    private static Task<bool> NameTakenAsync(PortalDbContext db, string name, int? except, CancellationToken ct) =>
        db.Set<Niche>().AnyAsync(n => n.Name.ToLower() == name.ToLower() && n.Id != except, ct);

    private static async Task<Outcome> ConflictAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        return Outcome.Conflict($"{last?.ActorName ?? "Someone"} changed this niche first. Nothing of yours was saved; reload to see it.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    private Task PublishAsync(PortalActor actor, int id, string verb, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityType, Key(id), verb, actor.Id, actor.Name), ct);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
