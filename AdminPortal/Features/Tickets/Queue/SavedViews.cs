using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Queue;

public sealed record SavedViewItem(int Id, string Name, string Query, bool Mine);

/// <summary>The queue's saved views: the shared defaults, views others share, and the user's own.</summary>
public sealed class SavedViews(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock)
{
    public async Task<IReadOnlyList<SavedViewItem>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SavedView>().AsNoTracking()
            .Where(v => v.OwnerId == null || v.OwnerId == actor.Id || v.IsShared)
            .OrderBy(v => v.OwnerId != null).ThenBy(v => v.Name)
            .Select(v => new SavedViewItem(v.Id, v.Name, v.Query, v.OwnerId == actor.Id)).ToListAsync(ct);
    }

    public const int MaxNameLength = 120;

    /// <summary>The input a refusal names.</summary>
    public const string NameField = "name";

    /// <summary>The name's text rule (TextRules): one line, at most the column's 120 characters.</summary>
    public static readonly TextRule NameRule = TextRules.For<SavedView>(v => v.Name, NameField, "The view's name", required: true);

    public async Task<Outcome<SavedViewItem>> SaveAsync(ClaimsPrincipal user, string name, TicketQueueQuery query,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        if (string.IsNullOrWhiteSpace(name))
            return Outcome<SavedViewItem>.Failed(Outcome.Refused($"Name the view (at most {MaxNameLength} characters).", NameField));
        if (NameRule.Refusal(name) is { } badName)
            return Outcome<SavedViewItem>.Failed(badName);
        name = NameRule.Check(name).Value!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<SavedView>().AnyAsync(v => v.OwnerId == actor.Id && v.Name == name, ct))
            return Outcome<SavedViewItem>.Failed(Outcome.Refused("You already have a view of that name.", NameField));
        var view = new SavedView
        {
            OwnerId = actor.Id, Name = name, Query = query.ToViewString(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(view);
        await db.SaveChangesAsync(ct);
        return Outcome<SavedViewItem>.Done(new SavedViewItem(view.Id, view.Name, view.Query, true), "View saved");
    }

    /// <summary>Deletes one of the user's own views; another's (or a missing one) is not found.</summary>
    public async Task<Outcome> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Set<SavedView>().Where(v => v.Id == id && v.OwnerId == actor.Id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Outcome.NotFound("That view no longer exists.") : Outcome.Done("View deleted");
    }
}
