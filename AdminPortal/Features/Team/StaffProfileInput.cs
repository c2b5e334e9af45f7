using AdminPortal.Data;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Team;

/// <summary>One category a staff member takes tickets of, and how early auto-assignment asks them (lower first).</summary>
public sealed record CategoryPick(int CategoryId, int Priority);

/// <summary>
/// A staff profile as asked for when the account is created: the hostel served (null: every hostel), the categories
/// with their assignment priority, and the capacity (most open tickets auto-assignment gives; null: no limit).
/// </summary>
public sealed record StaffProfileInput(int? HostelId, IReadOnlyList<CategoryPick> Categories, int? MaxOpenLoad)
{
    public const string EntityType = "staff";
    public const int MinPriority = 0, MaxPriority = 100, MaxCapacity = 500;
    public const string HostelField = "hostel", CategoriesField = "categories", PriorityField = "priority", CapacityField = "capacity";

    public static (string Message, string Field)? Problem(StaffProfileInput input)
    {
        if (CapacityProblem(input.MaxOpenLoad) is { } capacity)
            return (capacity, CapacityField);
        if (input.Categories.Any(c => PriorityProblem(c.Priority) is not null))
            return (PriorityProblem(-1)!, PriorityField);
        if (input.Categories.DistinctBy(c => c.CategoryId).Count() != input.Categories.Count)
            return ("Each category once.", CategoriesField);
        return null;
    }

    public static string? CapacityProblem(int? capacity) =>
        capacity is < 1 or > MaxCapacity ? $"Capacity is a whole number of open tickets from 1 to {MaxCapacity}, or empty for no limit." : null;

    public static string? PriorityProblem(int priority) =>
        priority is < MinPriority or > MaxPriority ? $"Priority is {MinPriority} (asked first) to {MaxPriority}." : null;

    /// <summary>The hostel or a category named that does not exist (or a category no longer taking tickets).</summary>
    public static async Task<(string Message, string Field)?> MissingAsync(PortalDbContext db, StaffProfileInput input, CancellationToken ct)
    {
        if (input.HostelId is { } hostel && !await db.Set<Hostel>().AnyAsync(h => h.Id == hostel, ct))
            return ("There is no such hostel.", HostelField);
        var ids = input.Categories.Select(c => c.CategoryId).ToList();
        var found = await db.Set<Category>().CountAsync(c => ids.Contains(c.Id) && c.Active, ct);
        return found != ids.Count ? ("A category chosen does not exist or is inactive.", CategoriesField) : null;
    }

    /// <summary>Adds the profile and its category rows to <paramref name="db"/> (saved with the account).</summary>
    public static Staff Create(PortalDbContext db, StaffProfileInput input, PortalUser user, DateTime now)
    {
        var staff = new Staff
        {
            User = user, FullName = user.Name ?? user.Email!, HostelId = input.HostelId, MaxOpenLoad = input.MaxOpenLoad,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(staff);
        db.AddRange(input.Categories.Select(c => new CategoryAssignment { CategoryId = c.CategoryId, Staff = staff, Priority = c.Priority }));
        return staff;
    }
}
