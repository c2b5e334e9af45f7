using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Vendors;
using AdminPortal.Security;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Search;

/// <summary>What a hit is, in the order the results show them.</summary>
public enum SearchKind { Ticket, User, Product, Chat, Vendor, Brand }

/// <summary>One hit: its kind, what it is called, a second line, and the portal's own link to its page.</summary>
public sealed record SearchHit(SearchKind Kind, string Key, string Title, string? Detail, string Href);

/// <summary>The hits for one term, grouped by kind in <see cref="SearchKind"/> order; empty when the term is too short.</summary>
public sealed record SearchResults(string Term, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults None = new("", []);

    public IEnumerable<IGrouping<SearchKind, SearchHit>> Groups => Hits.GroupBy(h => h.Kind);
}

/// <summary>The search the app bar's box asks (an interface so the box is tested in bUnit without a database).</summary>
public interface IGlobalSearch
{
    Task<SearchResults> SearchAsync(ClaimsPrincipal by, string? text, CancellationToken ct = default);
}

/// <summary>
/// The app bar's one search box (issue 18, item 7): tickets by #id or title word, users by e-mail, name or phone,
/// products by id or title, chat groups, vendors and brands by name, each kind only for a caller with its permission,
/// tickets only within the caller's scope (decision 0027). A ticket out of scope and a ticket that does not exist give
/// the same answer: no hit. At most <see cref="PerKind"/> hits of each kind, served by the lists' own trigram indexes.
/// </summary>
public sealed class GlobalSearch(ReadDbContextFactory reads, ActorResolver actors) : IGlobalSearch
{
    /// <summary>Shortest word searched (a trigram index cannot serve less); a number (#id) searches from one digit.</summary>
    public const int MinLength = 3;
    public const int MaxLength = 100;
    public const int PerKind = 5;

    /// <summary>Whoever may use any kind may search; each kind then needs its own permission.</summary>
    public static readonly Permission[] AnyOf =
        [Permission.TriageTickets, Permission.ManageUsers, Permission.ModerateProducts, Permission.BrowseChats,
         Permission.ManageVendors, Permission.VerifyBrands];

    /// <summary>Whether the text is worth a search (the box waits until then).</summary>
    public static string? Term(string? text)
    {
        var term = TextRules.Searchable(text)?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxLength)
            return null;
        return term.Length >= MinLength || Number(term) is not null ? term : null;
    }

    public async Task<SearchResults> SearchAsync(ClaimsPrincipal by, string? text, CancellationToken ct = default)
    {
        var actor = await actors.ResolveAsync(by, ct);
        if (!AnyOf.Any(actor.Has))
            throw new AccessDeniedException("You do not have access to search.");
        if (Term(text) is not { } term)
            return SearchResults.None;
        var number = Number(term);
        var words = term.Length >= MinLength && !term.StartsWith('#');   // "#42" is a ticket number only; "98765" may be a phone too
        var pattern = LikePattern.Contains(term);
        var hits = new List<SearchHit>();
        await using var db = await reads.CreateDbContextAsync(by, ct);
        if (actor.Has(Permission.TriageTickets))
        {
            var rules = await TicketScope.ForAsync(db, actor, ct);
            var tickets = db.Set<Ticket>().AsNoTracking().Where(rules.Predicate());
            // no ORDER BY on a word: the trigram index's matches are taken as they come (an order would let the planner
            // walk the primary key through every ticket for a rare word)
            tickets = number is { } id ? tickets.Where(t => t.Id == id) : tickets.Where(t => EF.Functions.ILike(t.Title!, pattern, LikePattern.EscapeCharacter));
            if (number is not null || words)
                hits.AddRange((await tickets.Take(PerKind).Select(t => new { t.Id, t.Title, t.Status }).ToListAsync(ct))
                    .Select(t => new SearchHit(SearchKind.Ticket, Key(t.Id), $"#{Key(t.Id)} {t.Title}", TicketStatuses.Label(t.Status), $"/tickets/{Key(t.Id)}")));
        }
        if (actor.Has(Permission.ManageUsers) && words)
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.Name!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.PhoneNumber!, pattern, LikePattern.EscapeCharacter))
                .Take(PerKind).Select(u => new { u.Id, u.Name, u.Email, u.DeletedAt }).ToListAsync(ct);
            hits.AddRange(users.Select(u => new SearchHit(SearchKind.User, Key(u.Id), u.Name ?? u.Email ?? $"User {Key(u.Id)}",
                u.DeletedAt is null ? u.Email : $"{u.Email} · deleted", $"/users/{Key(u.Id)}")));
        }
        if (actor.Has(Permission.ModerateProducts) && (words || number is not null))
        {
            var products = await db.Set<Product>().AsNoTracking().Where(p => p.Id == term).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
            if (words)
                products.AddRange(await db.Set<Product>().AsNoTracking().Where(p => p.Id != term && EF.Functions.ILike(p.Title, pattern, LikePattern.EscapeCharacter))
                    .Take(PerKind - products.Count).Select(p => new { p.Id, p.Title }).ToListAsync(ct));
            hits.AddRange(products.Select(p => new SearchHit(SearchKind.Product, p.Id, p.Title, p.Id, $"/products/{Uri.EscapeDataString(p.Id)}")));
        }
        if (actor.Has(Permission.BrowseChats) && words)
        {
            var groups = await db.Set<ChatGroup>().AsNoTracking().Where(g => EF.Functions.ILike(g.Name, pattern, LikePattern.EscapeCharacter))
                .Take(PerKind).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
            hits.AddRange(groups.Select(g => new SearchHit(SearchKind.Chat, g.Id.ToString(), g.Name, "Chat group", $"/chats/{g.Id}")));
        }
        if (actor.Has(Permission.ManageVendors) && words)
        {
            var vendors = await db.Set<Vendor>().AsNoTracking().Where(v => EF.Functions.ILike(v.Name, pattern, LikePattern.EscapeCharacter))
                .OrderBy(v => v.Id).Take(PerKind).Select(v => new { v.Id, v.Name, v.Email }).ToListAsync(ct);
            hits.AddRange(vendors.Select(v => new SearchHit(SearchKind.Vendor, Key(v.Id), v.Name, v.Email, $"/vendors/{Key(v.Id)}")));
        }
        if (actor.Has(Permission.VerifyBrands) && words)
        {
            var brands = await db.Set<Brand>().AsNoTracking().Where(b => EF.Functions.ILike(b.BrandName!, pattern, LikePattern.EscapeCharacter))
                .OrderBy(b => b.Id).Take(PerKind).Select(b => new { b.Id, b.BrandName, b.Email }).ToListAsync(ct);
            hits.AddRange(brands.Select(b => new SearchHit(SearchKind.Brand, Key(b.Id), b.BrandName ?? b.Email, b.Email, $"/brands/{Key(b.Id)}")));
        }
        return new SearchResults(term, hits);
    }

    /// <summary>"#42" or "42": a ticket number.</summary>
    public static int? Number(string term) =>
        int.TryParse(term.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
