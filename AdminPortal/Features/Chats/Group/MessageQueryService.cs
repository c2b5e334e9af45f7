using AdminPortal.Data;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats.Group;

/// <summary>
/// Reads one group's messages by keyset on idx_messages_group_keyset (group_id, timestamp DESC, id DESC): a row
/// comparison <c>(timestamp, id) &lt; (@t, @id)</c> starts the index scan at the cursor, so every page costs the same
/// at any depth (never OFFSET). Every call needs a <see cref="ChatAccessGrant"/> for the group.
/// </summary>
public sealed class MessageQueryService(IDbContextFactory<PortalDbContext> dbFactory, ChatAccess access)
{
    public const int PageSize = 50;
    public const int SearchLimit = 20;
    public const int SearchScanLimit = 25_000;

    /// <summary>The page of messages before <paramref name="before"/> (null: the newest), oldest first.</summary>
    public async Task<MessagePage> OlderAsync(ChatAccessGrant grant, MessageCursor? before, int take = PageSize,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await OlderQuery(db, grant.GroupId, before, take + 1).ToListAsync(ct);
        var hasMore = rows.Count > take;
        return new MessagePage(Map(rows.Take(take).Reverse()), hasMore);
    }

    /// <summary>The page of messages after <paramref name="after"/>, oldest first.</summary>
    public async Task<MessagePage> NewerAsync(ChatAccessGrant grant, MessageCursor after, int take = PageSize,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await NewerQuery(db, grant.GroupId, after, inclusive: false, take + 1).ToListAsync(ct);
        return new MessagePage(Map(rows.Take(take)), rows.Count > take);
    }

    /// <summary>The given messages of the group again (after one was hidden or shown), oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> ByIdsAsync(ChatAccessGrant grant, IReadOnlyCollection<Guid> ids,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<Message>().AsNoTracking().Where(m => m.GroupId == grant.GroupId && ids.Contains(m.Id))
            .OrderBy(m => m.Timestamp).ThenBy(m => m.Id);
        return Map(await Project(db, q).ToListAsync(ct));
    }

    /// <summary>
    /// A window around one message (it and older ones, then newer ones), to open a search hit in context; null when
    /// the message is not in this chat.
    /// </summary>
    public async Task<MessageWindowPage?> AroundAsync(ChatAccessGrant grant, Guid messageId, int take = PageSize,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId)
            .Select(m => new MessageCursor(m.Timestamp, m.Id)).SingleOrDefaultAsync(ct);
        if (target is null)
            return null;
        return await WindowAsync(db, grant.GroupId, target, take, messageId, ct);
    }

    /// <summary>A window starting at the first message on or after <paramref name="fromUtc"/> (jump to a date).</summary>
    public async Task<MessageWindowPage> FromDateAsync(ChatAccessGrant grant, DateTime fromUtc, int take = PageSize,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // (timestamp, id) >= (date, the smallest uuid) is "timestamp >= date": the two halves need no lookup first
        var start = new MessageCursor(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), Guid.Empty);
        var olderShown = Math.Max(0, take / 2 - 1);
        var rows = await Project(db, Keyset(db, grant.GroupId, start).Take(olderShown + 1)
            .Concat(NewerKeyset(db, grant.GroupId, start, inclusive: true).Take(take - olderShown + 1))).ToListAsync(ct);
        var first = rows.Where(r => r.Timestamp >= start.Timestamp).OrderBy(r => r.Timestamp).ThenBy(r => Uuid(r.Id), StringComparer.Ordinal).FirstOrDefault();
        if (first is null)
        {
            var last = await OlderQuery(db, grant.GroupId, null, take + 1).ToListAsync(ct);
            return new MessageWindowPage(Map(last.Take(take).Reverse()), last.Count > take, false, null);
        }
        return Window(rows, r => r.Timestamp < start.Timestamp, olderShown, take, first.Id);
    }

    /// <summary>
    /// Messages of the group whose text contains <paramref name="term"/>, newest first, searched in steps: one call
    /// reads at most <paramref name="scanLimit"/> messages older than <paramref name="before"/> (null: the newest)
    /// and returns up to <see cref="SearchLimit"/> hits, and where to go on when there may be more.
    /// </summary>
    /// <remarks>No text index (docs/decisions/0007-chat-search-bounded-scan.md): the scan walks the group's keyset
    /// index, so one call costs at most that many rows whatever the word, and a group that size is searched at once.</remarks>
    public async Task<MessageSearchPage> SearchAsync(ChatAccessGrant grant, string term, MessageCursor? before = null,
        int scanLimit = SearchScanLimit, CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        term = TextRules.Searchable(term) ?? "";
        if (term.Length < 2)
            return new MessageSearchPage([], null, null);
        var pattern = LikePattern.Contains(term);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scanned = Keyset(db, grant.GroupId, before).Take(scanLimit);
        var hits = await scanned
            .Where(m => m.Text != null && EF.Functions.ILike(m.Text, pattern, LikePattern.EscapeCharacter))
            .OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id)
            .Take(SearchLimit)
            .Select(m => new MessageHit(m.Id, m.Timestamp,
                db.Users.Where(u => u.Id == m.SenderId).Select(u => u.Name ?? u.Email).FirstOrDefault() ?? "unknown",
                m.Text!))
            .ToListAsync(ct);
        if (hits.Count == SearchLimit)
            return new MessageSearchPage(hits, new MessageCursor(hits[^1].Timestamp, hits[^1].Id), null);
        // fewer hits than asked: the whole window was read; go on from its oldest message, unless it reached the start
        var edge = await scanned.Skip(scanLimit - 1).Select(m => new MessageCursor(m.Timestamp, m.Id))
            .FirstOrDefaultAsync(ct);
        return new MessageSearchPage(hits, edge, edge?.Timestamp);
    }

    /// <summary>
    /// Who received and read one message, and when (chat.message_receipts; read_by when there are none); null when
    /// the message is not in this chat.
    /// </summary>
    public async Task<IReadOnlyList<ReceiptView>?> ReceiptsAsync(ChatAccessGrant grant, Guid messageId,
        CancellationToken ct = default)
    {
        await access.VerifyAsync(grant, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId)
            .Select(m => new { m.ReadBy }).SingleOrDefaultAsync(ct);
        if (message is null)
            return null;
        var receipts = await (from r in db.Set<MessageReceipt>().AsNoTracking()
                              join u in db.Users on r.UserId equals u.Id
                              where r.MessageId == messageId
                              orderby r.ReadAt == null, r.ReadAt, u.Name
                              select new ReceiptView(u.Id, u.Name ?? u.Email ?? "unknown", r.DeliveredAt, r.ReadAt))
            .ToListAsync(ct);
        if (receipts.Count > 0)
            return receipts;
        return await db.Users.AsNoTracking().Where(u => message.ReadBy.Contains(u.Id)).OrderBy(u => u.Name)
            .Select(u => new ReceiptView(u.Id, u.Name ?? u.Email ?? "unknown", null, null)).ToListAsync(ct);
    }

    private async Task<MessageWindowPage> WindowAsync(PortalDbContext db, Guid groupId, MessageCursor at, int take,
        Guid? focus, CancellationToken ct)
    {
        var olderTake = take / 2;
        var rows = await Project(db, Keyset(db, groupId, at, inclusive: true).Take(olderTake + 1)
            .Concat(NewerKeyset(db, groupId, at, inclusive: false).Take(take - olderTake + 1))).ToListAsync(ct);
        return Window(rows, r => Compare(r, at) <= 0, olderTake, take, focus);
    }

    /// <summary>Splits the two halves one UNION ALL brought back (in no promised order) into a window, oldest first.</summary>
    private static MessageWindowPage Window(List<Row> rows, Func<Row, bool> isOlder, int olderShown, int take, Guid? focus)
    {
        var older = rows.Where(isOlder).OrderByDescending(r => r.Timestamp).ThenByDescending(r => Uuid(r.Id), StringComparer.Ordinal).ToList();
        var newer = rows.Where(r => !isOlder(r)).OrderBy(r => r.Timestamp).ThenBy(r => Uuid(r.Id), StringComparer.Ordinal).ToList();
        var messages = Map(older.Take(olderShown).Reverse().Concat(newer.Take(take - olderShown)));
        return new MessageWindowPage(messages, older.Count > olderShown, newer.Count > take - olderShown, focus);
    }

    /// <summary>The order PostgreSQL gives (timestamp, id): uuids compare by their bytes in RFC order, unlike <see cref="Guid.CompareTo(Guid)"/>.</summary>
    private static int Compare(Row r, MessageCursor c) =>
        r.Timestamp != c.Timestamp ? r.Timestamp.CompareTo(c.Timestamp) : string.CompareOrdinal(Uuid(r.Id), Uuid(c.Id));

    private static string Uuid(Guid id) => Convert.ToHexString(id.ToByteArray(bigEndian: true));

    private static IQueryable<Row> OlderQuery(PortalDbContext db, Guid groupId, MessageCursor? before, int take,
        bool inclusive = false) =>
        Project(db, Keyset(db, groupId, before, inclusive).Take(take));

    /// <summary>The group's messages before the cursor (or from the newest), newest first: idx_messages_group_keyset.</summary>
    private static IOrderedQueryable<Message> Keyset(PortalDbContext db, Guid groupId, MessageCursor? before,
        bool inclusive = false)
    {
        var q = db.Set<Message>().AsNoTracking().Where(m => m.GroupId == groupId);
        if (before is not null)
            q = inclusive
                ? q.Where(m => EF.Functions.LessThanOrEqual(ValueTuple.Create(m.Timestamp, m.Id), ValueTuple.Create(before.Timestamp, before.Id)))
                : q.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.Timestamp, m.Id), ValueTuple.Create(before.Timestamp, before.Id)));
        return q.OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id);
    }

    private static IQueryable<Row> NewerQuery(PortalDbContext db, Guid groupId, MessageCursor after, bool inclusive, int take) =>
        Project(db, NewerKeyset(db, groupId, after, inclusive).Take(take));

    /// <summary>The group's messages after the cursor, oldest first (the same index, read backwards).</summary>
    private static IOrderedQueryable<Message> NewerKeyset(PortalDbContext db, Guid groupId, MessageCursor after, bool inclusive)
    {
        var q = db.Set<Message>().AsNoTracking().Where(m => m.GroupId == groupId);
        q = inclusive
            ? q.Where(m => EF.Functions.GreaterThanOrEqual(ValueTuple.Create(m.Timestamp, m.Id), ValueTuple.Create(after.Timestamp, after.Id)))
            : q.Where(m => EF.Functions.GreaterThan(ValueTuple.Create(m.Timestamp, m.Id), ValueTuple.Create(after.Timestamp, after.Id)));
        return q.OrderBy(m => m.Timestamp).ThenBy(m => m.Id);
    }

    /// <summary>Only the shown columns; sender names and receipt counts by the primary-key indexes.</summary>
    private static IQueryable<Row> Project(PortalDbContext db, IQueryable<Message> q) =>
        q.Select(m => new Row(m.Id, m.SenderId,
            db.Users.Where(u => u.Id == m.SenderId).Select(u => u.Name ?? u.Email).FirstOrDefault(),
            m.Text, m.Attachments, m.Timestamp, m.UpdatedAt,
            m.ReadBy.Length,
            db.Set<MessageReceipt>().Count(r => r.MessageId == m.Id),
            db.Set<MessageReceipt>().Count(r => r.MessageId == m.Id && r.ReadAt != null),
            db.Set<MessageReceipt>().Count(r => r.MessageId == m.Id && r.DeliveredAt != null),
            m.HiddenAt, m.HiddenReason,
            m.HiddenBy == null ? null : db.Users.Where(u => u.Id == m.HiddenBy).Select(u => u.Name ?? u.Email).FirstOrDefault()));

    private static List<MessageView> Map(IEnumerable<Row> rows) => rows.Select(r => new MessageView(
        r.Id, r.SenderId, r.SenderName ?? "deleted user", r.Text, r.Attachments, r.Timestamp, r.UpdatedAt,
        // the chat app's receipts when the message has them; Deed-O's read_by otherwise
        ReadCount: r.Receipts > 0 ? r.ReceiptsRead : r.ReadByCount,
        DeliveredCount: r.Receipts > 0 ? r.ReceiptsDelivered : r.ReadByCount,
        Hidden: r.HiddenAt is { } at ? new HiddenInfo(at, r.HiddenByName, r.HiddenReason ?? "") : null)).ToList();

    private sealed record Row(Guid Id, int SenderId, string? SenderName, string? Text, List<Attachment> Attachments,
        DateTime Timestamp, DateTime? UpdatedAt, int ReadByCount, int Receipts, int ReceiptsRead, int ReceiptsDelivered,
        DateTime? HiddenAt, string? HiddenReason, string? HiddenByName);
}
