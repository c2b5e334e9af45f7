using AdminPortal.Components.Shared;
using AdminPortal.Shared;

namespace AdminPortal.Features.Chats.List;

/// <summary>
/// What the chat list does between reads: the query the URL holds, the page read for it, and the labels the product
/// and member boxes show (a pick made in a box is kept; a value that came by URL is looked up once).
/// </summary>
public sealed class ChatListState
{
    /// <summary>Reads run through it: a refused access marks the list denied.</summary>
    public ActionGate Gate { get; } = new();
    public ChatListQuery Query { get; private set; } = new();
    public IReadOnlyList<GroupRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Loading { get; private set; } = true;

    /// <summary>What the product box shows; its id is the query's product.</summary>
    public Pick? Product { get; private set; }
    public Pick? Member { get; private set; }

    /// <summary>The product the URL names but the box does not show yet: its label must be read.</summary>
    public string? ProductToLabel => Query.ProductId is { } id && Product?.Id != id ? id : null;
    public int? MemberToLabel => Query.MemberId is { } id && Member?.Id != QueryValues.Format(id) ? id : null;

    /// <summary>Takes the query the URL now holds (the rows follow with <see cref="Loaded"/>).</summary>
    public void Use(ChatListQuery query)
    {
        Query = query;
        Loading = true;
        if (query.ProductId is null)
            Product = null;
        if (query.MemberId is null)
            Member = null;
    }

    /// <summary>The page read for the query; null when the read was refused.</summary>
    public void Loaded(GroupListPage? page)
    {
        (Rows, Total) = page is null ? ([], 0) : (page.Rows, page.Total);
        Loading = false;
    }

    /// <summary>The label read for the URL's product; its id when the product is gone.</summary>
    public void ProductLabeled(Pick? found) => Product = ProductToLabel is { } id ? found ?? new Pick(id, id) : Product;

    public void MemberLabeled(Pick? found) =>
        Member = MemberToLabel is { } id ? found ?? new Pick(QueryValues.Format(id), $"user {id}") : Member;

    // each change returns the query to navigate to; a filter change starts again from the first page
    public ChatListQuery PickProduct(Pick? product)
    {
        Product = product;
        return Query.Filtered(q => q with { ProductId = product?.Id });
    }

    public ChatListQuery PickMember(Pick? member)
    {
        Member = member;
        return Query.Filtered(q => q with { MemberId = QueryValues.OptionalInt(member?.Id) });
    }

    public ChatListQuery Search(string? text) => Query.Filtered(q => q with { Search = QueryValues.Text(text) });

    public ChatListQuery OfType(ConversationType? type) => Query.Filtered(q => q with { Type = type });

    public ChatListQuery ActiveFrom(DateOnly? day) => Query.Filtered(q => q with { ActiveFrom = day });

    public ChatListQuery ActiveTo(DateOnly? day) => Query.Filtered(q => q with { ActiveTo = day });

    public ChatListQuery ToPage(int page) => Query with { Page = Math.Clamp(page, 1, ChatListQuery.LastPage) };
}
