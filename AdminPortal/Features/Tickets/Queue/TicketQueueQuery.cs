using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Shared;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>
/// The queue's filter, sort and page: exactly what its URL says ("status=OPEN,IN_PROGRESS&amp;assignee=me&amp;page=2"),
/// so a view is a link and saved views are query strings. Read and written through <see cref="QueryValues"/>: a bad
/// value falls back to its default, numbers are clamped (the page to the depth cap of decision 0008), nothing throws.
/// </summary>
public sealed record TicketQueueQuery
{
    public const int DefaultPageSize = 25;

    /// <summary>The longest "due within" the URL may ask for: a year.</summary>
    public const int MaxDueWithinHours = 24 * 366;

    /// <summary>The highest escalation level a filter may name (the ladder's top, CategoryAdmin.MaxLadderLevel).</summary>
    public const int MaxEscalationLevel = 10;

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
    /// <summary>1-based; never past <see cref="ListDepth.LastPage"/>.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>Next's cursor: the page starts after this ticket in the sort (decision 0038); <see cref="Page"/> numbers it.</summary>
    public int? After { get; init; }
    /// <summary>Previous's cursor: the page ends before this ticket in the sort.</summary>
    public int? Before { get; init; }

    public IReadOnlyList<TicketStatus> EffectiveStatuses =>
        AllStatuses ? Enum.GetValues<TicketStatus>() : Statuses.Count > 0 ? Statuses : TicketStatuses.Active;

    /// <summary>The page held to [1, the depth cap's last page].</summary>
    public int SafePage => Math.Clamp(Page, 1, ListDepth.LastPage(SafePageSize));

    public int SafePageSize => Math.Clamp(PageSize, 1, 200);

    /// <summary>The "due within" hours held to [1, <see cref="MaxDueWithinHours"/>].</summary>
    public int? SafeDueWithinHours => DueWithinHours is { } h ? Math.Clamp(h, 1, MaxDueWithinHours) : null;

    /// <summary>The query from the URL's values (each null when absent).</summary>
    public static TicketQueueQuery From(string? status = null, string? category = null, string? subcategory = null,
        string? hostel = null, string? assignee = null, string? escalated = null, string? level = null,
        string? overdue = null, string? dueWithin = null, string? createdFrom = null, string? createdTo = null,
        string? q = null, string? scope = null, string? sort = null, string? page = null, string? after = null,
        string? before = null)
    {
        var statusText = QueryValues.Text(status, 400);
        return new TicketQueueQuery
        {
            AllStatuses = statusText == "all",
            Statuses = statusText is null or "all" ? [] :
                statusText.Split(',').Select(TicketStatuses.Parse).OfType<TicketStatus>().Distinct().ToList(),
            CategoryId = QueryValues.OptionalInt(category),
            SubcategoryId = QueryValues.OptionalInt(subcategory),
            HostelId = QueryValues.OptionalInt(hostel),
            Assignee = QueryValues.Text(assignee, 12) is { } a && (a is "me" or "none" || QueryValues.OptionalInt(a) is not null) ? a : null,
            Escalated = QueryValues.Flag(escalated),
            EscalationLevel = QueryValues.OptionalInt(level, 0, MaxEscalationLevel),
            Overdue = QueryValues.Flag(overdue),
            DueWithinHours = QueryValues.OptionalInt(dueWithin) is { } h ? Math.Min(h, MaxDueWithinHours) : null,
            CreatedFrom = QueryValues.Date(createdFrom),
            CreatedTo = QueryValues.Date(createdTo),
            Text = QueryValues.Text(q),
            MyCategories = QueryValues.Text(scope) == "my-categories",
            Sort = TicketSorts.Parse(QueryValues.Text(sort, 40)),
            Page = QueryValues.Page(page, ListDepth.LastPage(DefaultPageSize)),
            After = QueryValues.OptionalInt(after, 1),
            Before = QueryValues.OptionalInt(after) is null ? QueryValues.OptionalInt(before, 1) : null,
        };
    }

    /// <summary>A query string ("a=1&amp;b=2", with or without "?"), as saved views keep them.</summary>
    public static TicketQueueQuery FromQueryString(string? query)
    {
        var v = QueryValues.Parse(query);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("status"), Get("category"), Get("subcategory"), Get("hostel"), Get("assignee"), Get("escalated"),
            Get("level"), Get("overdue"), Get("due_within"), Get("created_from"), Get("created_to"), Get("q"), Get("scope"),
            Get("sort"), Get("page"), Get("after"), Get("before"));
    }

    /// <summary>The URL's query string ("?status=all&amp;page=2", or "" for the default view).</summary>
    public string ToQueryString() => QueryValues.Build(Pairs(includePage: true));

    /// <summary>The query string of a saved view: no page, no leading "?".</summary>
    public string ToViewString() => QueryValues.Build(Pairs(includePage: false)).TrimStart('?');

    /// <summary>How many filters differ from the default view (sort and page aside).</summary>
    public int ActiveFilterCount => Pairs(includePage: false).Count(p => p.Key != "sort" && p.Value is not null);

    /// <summary>The same view, whatever page each is on.</summary>
    public bool SameViewAs(TicketQueueQuery other) => ToViewString() == other.ToViewString();

    private IEnumerable<KeyValuePair<string, string?>> Pairs(bool includePage)
    {
        static string? Int(int? v) => v is { } i ? QueryValues.Format(i) : null;
        yield return new("status", AllStatuses ? "all" : Statuses.Count > 0 ? string.Join(',', Statuses.Select(TicketStatuses.Code)) : null);
        yield return new("category", Int(CategoryId));
        yield return new("subcategory", Int(SubcategoryId));
        yield return new("hostel", Int(HostelId));
        yield return new("assignee", Assignee);
        yield return new("escalated", Escalated ? "true" : null);
        yield return new("level", Int(EscalationLevel));
        yield return new("overdue", Overdue ? "true" : null);
        yield return new("due_within", Int(DueWithinHours));
        yield return new("created_from", CreatedFrom is { } f ? QueryValues.Format(f) : null);
        yield return new("created_to", CreatedTo is { } t ? QueryValues.Format(t) : null);
        yield return new("q", Text);
        yield return new("scope", MyCategories ? "my-categories" : null);
        yield return new("sort", Sort == TicketSort.Due ? null : TicketSorts.Code(Sort));
        if (!includePage)
            yield break;
        yield return new("page", SafePage > 1 ? QueryValues.Format(SafePage) : null);
        // a cursor only means something beyond the first page
        yield return new("after", SafePage > 1 && After is { } a ? QueryValues.Format(a) : null);
        yield return new("before", SafePage > 1 && After is null && Before is { } b ? QueryValues.Format(b) : null);
    }
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

    /// <summary>What a click on a column's header asks for: the other direction when it is the sort, else its first.</summary>
    public static TicketSort Toggle(TicketSort current, TicketSort first, TicketSort second) => current == first ? second : first;
}
