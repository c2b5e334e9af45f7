using System.Linq.Expressions;
using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>The two parts of "beyond the cursor" (<see cref="TicketKeyset.Beyond"/>); a part that holds no row is null.</summary>
public sealed record KeysetParts(Expression<Func<Ticket, bool>>? Dated, Expression<Func<Ticket, bool>>? Undated);

/// <summary>The sort keys of the ticket a page starts after (Next) or ends before (Previous).</summary>
public sealed record TicketCursor(int Id, DateTime? DueAt, DateTime CreatedAt, DateTime UpdatedAt, int EscalationLevel);

/// <summary>
/// The queue's orders as key lists, so one page can be read "after" or "before" a ticket instead of at an OFFSET
/// (decision 0038): each scope branch then reads one page from the cursor, whatever the depth. PostgreSQL sorts NULLs
/// last ascending and first descending, so reversing every direction reverses the whole order, NULLs included.
/// </summary>
public static class TicketKeyset
{
    private static (string Key, bool Descending)[] Keys(TicketSort sort) => sort switch
    {
        TicketSort.DueDesc => [(nameof(Ticket.DueAt), true), (nameof(Ticket.Id), true)],
        TicketSort.Created => [(nameof(Ticket.CreatedAt), false), (nameof(Ticket.Id), false)],
        TicketSort.CreatedDesc => [(nameof(Ticket.CreatedAt), true), (nameof(Ticket.Id), true)],
        TicketSort.Updated => [(nameof(Ticket.UpdatedAt), true), (nameof(Ticket.Id), true)],
        TicketSort.Escalation => [(nameof(Ticket.EscalationLevel), true), (nameof(Ticket.DueAt), false), (nameof(Ticket.Id), false)],
        _ => [(nameof(Ticket.DueAt), false), (nameof(Ticket.Id), false)],
    };

    /// <summary>Orders tickets or their keys by <paramref name="sort"/>, or by its exact reverse.</summary>
    public static IQueryable<T> Order<T>(IQueryable<T> q, TicketSort sort, bool reverse = false) where T : ITicketSortKeys
    {
        var t = Expression.Parameter(typeof(T), "t");
        var first = true;
        foreach (var (name, descending) in Keys(sort))
        {
            var key = Expression.Property(t, name);
            var method = (first, descending ^ reverse) switch
            {
                (true, false) => nameof(Queryable.OrderBy), (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy), _ => nameof(Queryable.ThenByDescending),
            };
            q = q.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.Type], q.Expression,
                Expression.Quote(Expression.Lambda(key, t))));
            first = false;
        }
        return q;
    }

    /// <summary>
    /// The tickets after <paramref name="at"/> in <paramref name="sort"/> (before it when <paramref name="reverse"/>), in
    /// two parts: <see cref="KeysetParts.Dated"/>, read per scope branch, bounds the leading key so the branch's
    /// (x, status, key) index starts at the cursor; <see cref="KeysetParts.Undated"/>, the tickets without a due time
    /// that sort beyond the cursor, read once over the whole scope through the (empty) undated index. An OR of the
    /// two would lose the bound; a part that cannot hold a row is null.
    /// </summary>
    public static KeysetParts Beyond(TicketSort sort, TicketCursor at, bool reverse = false)
    {
        var t = Expression.Parameter(typeof(Ticket), "t");
        var keys = Keys(sort).Select(k => (Member: (Expression)Expression.Property(t, k.Key), Value: Value(at, k.Key),
            Descending: k.Descending ^ reverse)).ToList();
        var (lead, value, descending) = keys[0];
        // after the cursor among the rows that share its leading key
        Expression? rest = null;
        Expression same = Expression.Constant(true);
        foreach (var (member, v, d) in keys.Skip(1))
        {
            var step = And(same, Past(member, v, d));
            rest = rest is null ? step : Expression.OrElse(rest, step);
            same = And(same, Equal(member, v));
        }
        Expression? dated, undated = null;
        if (!IsNullable(lead))
            dated = Expression.AndAlso(Bound(lead, value, descending), Expression.OrElse(Strictly(lead, value, descending), rest!));
        else if (!IsNull(value))
        {
            // a dated cursor: the dated rows from it on; NULLs sort last ascending (all of them follow), first descending
            dated = Expression.AndAlso(Bound(lead, value, descending), Expression.OrElse(Strictly(lead, value, descending), rest!));
            if (!descending)
                undated = Expression.Equal(lead, Null(lead));
        }
        else
        {
            // an undated cursor: the undated rows after it; descending, every dated row follows too
            undated = Expression.AndAlso(Expression.Equal(lead, Null(lead)), rest!);
            dated = descending ? Expression.NotEqual(lead, Null(lead)) : null;
        }
        return new KeysetParts(Lambda(dated, t), Lambda(undated, t));
    }

    private static Expression<Func<Ticket, bool>>? Lambda(Expression? body, ParameterExpression t) =>
        body is null ? null : Expression.Lambda<Func<Ticket, bool>>(body, t);

    private static Expression Strictly(Expression member, Expression value, bool descending) =>
        descending ? Expression.LessThan(member, value) : Expression.GreaterThan(member, value);

    // the rows strictly beyond the cursor's value on one key
    private static Expression Past(Expression member, Expression value, bool descending)
    {
        if (!IsNullable(member))
            return descending ? Expression.LessThan(member, value) : Expression.GreaterThan(member, value);
        if (IsNull(value))
            return descending ? Expression.NotEqual(member, Null(member)) : Expression.Constant(false);
        var strictly = descending ? Expression.LessThan(member, value) : Expression.GreaterThan(member, value);
        return descending ? strictly : Expression.OrElse(strictly, Expression.Equal(member, Null(member)));
    }

    private static Expression Equal(Expression member, Expression value) =>
        IsNull(value) ? Expression.Equal(member, Null(member)) : Expression.Equal(member, value);

    // the leading key's bound an index can start at
    private static Expression Bound(Expression member, Expression value, bool descending) =>
        descending ? Expression.LessThanOrEqual(member, value) : Expression.GreaterThanOrEqual(member, value);

    private static Expression And(Expression? a, Expression b) =>
        a is null || a is ConstantExpression { Value: true } ? b : Expression.AndAlso(a, b);

    private static bool IsNullable(Expression e) => Nullable.GetUnderlyingType(e.Type) is not null;
    private static bool IsNull(Expression e) => e is ConstantExpression { Value: null };
    private static ConstantExpression Null(Expression member) => Expression.Constant(null, member.Type);

    // the cursor's value as a captured member (a query parameter), or a typed NULL constant
    private static Expression Value(TicketCursor at, string key) => key switch
    {
        nameof(Ticket.DueAt) => at.DueAt is null ? Expression.Constant(null, typeof(DateTime?)) : Captured<DateTime?>(at.DueAt),
        nameof(Ticket.CreatedAt) => Captured(at.CreatedAt),
        nameof(Ticket.UpdatedAt) => Captured(at.UpdatedAt),
        nameof(Ticket.EscalationLevel) => Captured(at.EscalationLevel),
        _ => Captured(at.Id),
    };

    private static Expression Captured<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed record Box<T>(T Value);
}
