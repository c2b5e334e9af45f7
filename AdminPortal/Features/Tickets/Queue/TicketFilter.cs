using System.Globalization;
using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>
/// The queue's filter, sort and page: exactly what its URL says ("status=OPEN,IN_PROGRESS&amp;assignee=me&amp;page=2"),
/// so a view is a link and saved views are query strings.
/// </summary>
public sealed record TicketFilter
{
    /// <summary>Empty: the active statuses. Set <see cref="AllStatuses"/> to include resolved and closed.</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public bool AllStatuses { get; init; }
    public int? CategoryId { get; init; }
    public int? SubcategoryId { get; init; }
    public int? HostelId { get; init; }
    /// <summary>"me", "none", or a staff id.</summary>
    public string? Assignee { get; init; }
    public bool Escalated { get; init; }
    public int? EscalationLevel { get; init; }
    public bool Overdue { get; init; }
    public int? DueWithinHours { get; init; }
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public string? Text { get; init; }
    /// <summary>Only the categories the user is assigned to ("scope=my-categories").</summary>
    public bool MyCategories { get; init; }
    public TicketSort Sort { get; init; } = TicketSort.Due;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;

    public IReadOnlyList<TicketStatus> EffectiveStatuses =>
        AllStatuses ? Enum.GetValues<TicketStatus>() : Statuses.Count > 0 ? Statuses : TicketStatuses.Active;

    public static TicketFilter FromQuery(IReadOnlyDictionary<string, string?> q)
    {
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? Int(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var status = Get("status");
        return new TicketFilter
        {
            AllStatuses = status == "all",
            Statuses = status is null or "all" ? [] :
                status.Split(',').Select(TicketStatuses.Parse).OfType<TicketStatus>().Distinct().ToList(),
            CategoryId = Int("category"),
            SubcategoryId = Int("subcategory"),
            HostelId = Int("hostel"),
            Assignee = Get("assignee") is { } a && (a is "me" or "none" || int.TryParse(a, out _)) ? a : null,
            Escalated = Get("escalated") == "true",
            EscalationLevel = Int("level"),
            Overdue = Get("overdue") == "true",
            DueWithinHours = Int("due_within") is > 0 and var h ? h : null,
            CreatedFrom = Date("created_from"),
            CreatedTo = Date("created_to"),
            Text = Get("q"),
            MyCategories = Get("scope") == "my-categories",
            Sort = TicketSorts.Parse(Get("sort")),
            Page = Math.Max(1, Int("page") ?? 1),
        };
    }

    /// <summary>The URL parameters of this filter; null values remove the parameter.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["status"] = AllStatuses ? "all" : Statuses.Count > 0 ? string.Join(',', Statuses.Select(TicketStatuses.Code)) : null,
        ["category"] = CategoryId,
        ["subcategory"] = SubcategoryId,
        ["hostel"] = HostelId,
        ["assignee"] = Assignee,
        ["escalated"] = Escalated ? "true" : null,
        ["level"] = EscalationLevel,
        ["overdue"] = Overdue ? "true" : null,
        ["due_within"] = DueWithinHours,
        ["created_from"] = CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["created_to"] = CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["q"] = Text,
        ["scope"] = MyCategories ? "my-categories" : null,
        ["sort"] = Sort == TicketSort.Due ? null : TicketSorts.Code(Sort),
        ["page"] = Page > 1 ? Page : null,
    };

    /// <summary>The query string of a saved view (without page).</summary>
    public string ToQueryString() => string.Join('&', (this with { Page = 1 }).ToQuery()
        .Where(kv => kv.Value is not null)
        .Select(kv => $"{kv.Key}={Uri.EscapeDataString(Convert.ToString(kv.Value, CultureInfo.InvariantCulture)!)}"));

    public static TicketFilter FromQueryString(string query) =>
        FromQuery(query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]))
            .ToDictionary(g => g.Key, g => (string?)Uri.UnescapeDataString(g.First().ElementAtOrDefault(1) ?? "")));
}

public enum TicketSort { Due, DueDesc, Created, CreatedDesc, Updated, Escalation }

public static class TicketSorts
{
    private static readonly (TicketSort Sort, string Code, string Label)[] All =
    [
        (TicketSort.Due, "due_at", "Most urgent first"),
        (TicketSort.DueDesc, "-due_at", "Least urgent first"),
        (TicketSort.CreatedDesc, "-created_at", "Newest first"),
        (TicketSort.Created, "created_at", "Oldest first"),
        (TicketSort.Updated, "-updated_at", "Recently updated"),
        (TicketSort.Escalation, "-escalation_level", "Most escalated"),
    ];

    public static IEnumerable<TicketSort> Options => All.Select(a => a.Sort);
    public static string Code(TicketSort sort) => All.First(a => a.Sort == sort).Code;
    public static string Label(TicketSort sort) => All.First(a => a.Sort == sort).Label;
    public static TicketSort Parse(string? code) => All.FirstOrDefault(a => a.Code == code, All[0]).Sort;
}
