using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.TicketScreen;

/// <summary>Reads one ticket for its page, in the actor's scope; outside it the ticket reads as not found.</summary>
public sealed class TicketDetailsService(
    IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TicketAccessLog accessLog)
{
    public async Task<TicketDetails?> GetAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var t = await db.Set<Ticket>().AsNoTracking().Where(x => x.Id == id).Where(rules.Predicate())
            .Select(x => new
            {
                x.Id, x.Title, x.Description, x.Status, x.Version, x.CategoryId, Category = x.Category!.Name,
                x.SubcategoryId, Subcategory = x.Subcategory!.Name, x.HostelId, Hostel = x.Hostel!.Name, x.AssignedTo,
                Assignee = x.Assignee!.FullName, x.Location, x.EscalationLevel, x.LastEscalationAt, x.DueAt, x.PausedAt,
                x.CreatedAt, x.UpdatedAt, x.ResolvedAt, x.Metadata, x.Attachments, x.CreatedBy,
            })
            .SingleOrDefaultAsync(ct);
        if (t is null)
        {
            await accessLog.DeniedAsync(actor, id, ct);
            return null;
        }
        var student = await db.Set<Student>().AsNoTracking().Where(s => s.UserId == t.CreatedBy)
            .Select(s => new StudentCard(s.User!.Name ?? s.User.Email!, s.User.Email, s.User.PhoneNumber, s.RollNo,
                s.RoomNo, s.Hostel!.Name, s.Batch!.Name, s.ClassSection!.Name, s.Department))
            .SingleOrDefaultAsync(ct)
            ?? await db.Users.AsNoTracking().Where(u => u.Id == t.CreatedBy)
                .Select(u => new StudentCard(u.Name ?? u.Email!, u.Email, u.PhoneNumber, "-", null, null, null, null, null))
                .SingleOrDefaultAsync(ct);
        var timeline = await TimelineAsync(db, id, ct);
        return new TicketDetails(t.Id, t.Title ?? "(no title)", t.Description, t.Status, t.Version, t.CategoryId,
            t.Category, t.SubcategoryId, t.Subcategory, t.HostelId, t.Hostel, t.AssignedTo, t.Assignee, t.Location,
            t.EscalationLevel, t.LastEscalationAt, t.DueAt, t.PausedAt, t.CreatedAt, t.UpdatedAt, t.ResolvedAt, student,
            Flatten(t.Metadata), Attachments(t.Attachments), timeline);
    }

    /// <summary>
    /// Staff of the ticket's category, primary first, with their open load; for a ticket inside the caller's scope
    /// (outside it, or gone: none, and the reach is logged like <see cref="GetAsync"/>'s).
    /// </summary>
    public async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(ClaimsPrincipal user, int ticketId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().Where(x => x.Id == ticketId).Where(rules.Predicate())
            .Select(x => new { x.CategoryId }).SingleOrDefaultAsync(ct);
        if (ticket?.CategoryId is not { } categoryId)
        {
            if (ticket is null)
                await accessLog.DeniedAsync(actor, ticketId, ct);
            return [];
        }
        var active = TicketStatuses.Active;
        return await db.Set<CategoryAssignment>().AsNoTracking().Where(a => a.CategoryId == categoryId)
            .OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Priority).ThenBy(a => a.Staff!.FullName)
            .Select(a => new AssigneeOption(a.StaffId, a.Staff!.FullName,
                db.Set<Ticket>().Count(t => t.AssignedTo == a.StaffId && active.Contains(t.Status)), a.IsPrimary,
                a.Staff.Active))
            .ToListAsync(ct);
    }

    private static async Task<List<TimelineEntry>> TimelineAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var activity = await db.Set<ActivityLog>().AsNoTracking().Where(a => a.TicketId == id)
            .Select(a => new { a.CreatedAt, a.Action, a.Details, Who = a.Actor!.Name })
            .ToListAsync(ct);
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.TicketId == id)
            .Select(c => new { c.CreatedAt, c.IsInternal, c.Body, Who = c.Author!.Name })
            .ToListAsync(ct);
        var staffIds = activity.Select(a => Int(a.Details, "staffId")).OfType<int>().Distinct().ToList();
        var staffNames = await db.Set<Staff>().AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var categoryIds = activity.SelectMany(a => new[] { Int(a.Details, "toCategoryId"), Int(a.Details, "fromCategoryId") })
            .OfType<int>().Distinct().ToList();
        var categoryNames = await db.Set<Category>().AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return activity.Select(a => new TimelineEntry(a.CreatedAt, TimelineKind.Activity, a.Who ?? "System",
                Describe(a.Action, a.Details, staffNames, categoryNames), Str(a.Details, "note") ?? Str(a.Details, "reason")))
            .Concat(comments.Select(c => new TimelineEntry(c.CreatedAt,
                c.IsInternal ? TimelineKind.InternalNote : TimelineKind.Reply, c.Who ?? "Deleted user",
                c.IsInternal ? "added an internal note" : "replied", c.Body)))
            .OrderBy(e => e.At).ToList();
    }

    internal static string Describe(string action, JsonDocument? d, IReadOnlyDictionary<int, string> staff,
        IReadOnlyDictionary<int, string> categories)
    {
        string StaffName() => Int(d, "staffId") is { } s && staff.TryGetValue(s, out var n) ? n : Str(d, "staffName") ?? "nobody";
        string Status(string key) => TicketStatuses.Parse(Str(d, key)) is { } st ? TicketStatuses.Label(st) : Str(d, key) ?? "?";
        string Cat(string key) => Int(d, key) is { } c && categories.TryGetValue(c, out var n) ? n : "?";
        return action switch
        {
            "created" => "created the ticket",
            "assigned" => $"assigned it to {StaffName()}",
            "unassigned" => "removed the assignee",
            "status_change" => $"changed the status from {Status("from")} to {Status("to")}",
            "escalated" => $"escalated it to level {Int(d, "level")}" + (Int(d, "staffId") is null ? "" : $", handed to {StaffName()}"),
            "resolved" => "resolved it",
            "forwarded" => $"forwarded it from {Cat("fromCategoryId")} to {Cat("toCategoryId")}",
            _ => action.Replace('_', ' '),
        };
    }

    private static int? Int(JsonDocument? d, string key) =>
        d?.RootElement is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32() : null;

    private static string? Str(JsonDocument? d, string key) =>
        d?.RootElement is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    /// <summary>The metadata object as readable pairs ("Room" = "B-214"); nested values as compact JSON.</summary>
    internal static List<KeyValuePair<string, string>> Flatten(JsonDocument? metadata)
    {
        if (metadata?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            return [];
        return root.EnumerateObject().Select(p => new KeyValuePair<string, string>(Humanize(p.Name), p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString() ?? "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
            JsonValueKind.Null => "-",
            _ => p.Value.GetRawText(),
        })).ToList();
    }

    private static string Humanize(string key)
    {
        var words = key.Replace('_', ' ').Trim();
        return words.Length == 0 ? key : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static List<TicketAttachment> Attachments(JsonDocument? attachments)
    {
        if (attachments?.RootElement is not { ValueKind: JsonValueKind.Array } list)
            return [];
        return list.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.String
                ? new TicketAttachment(Path.GetFileName(a.GetString() ?? "file"), a.GetString() ?? "")
                : new TicketAttachment(
                    Text(a, "name") ?? "file", Text(a, "url") ?? "", Text(a, "type")))
            .ToList();
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
