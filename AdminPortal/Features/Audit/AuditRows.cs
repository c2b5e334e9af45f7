using System.Globalization;
using System.Text;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Products;

namespace AdminPortal.Features.Audit;

/// <summary>
/// The large load's audit records (<see cref="LargeAuditLog"/>), the one definition of them, written straight in
/// COPY's binary format (header, per row a field count and each field's length and bytes, trailer), with the columns of
/// <c>LargeAuditLog.Columns</c>. Record n, for n from 0 to count - 1:
/// <list type="bullet">
/// <item>id <c>firstId + n</c>; kind <c>Slots[n % 100]</c>; at <c>start + n (90 days / count) + (n mod 7) ms</c>
/// (ids and times rise together);</item>
/// <item>its entity: the records of one entity type are numbered j = 0, 1, ... in time order (j-th of the type's slots);
/// record j names the type's entity j mod (its count), so each entity's records are spread over the 90 days;</item>
/// <item>its actor: one of the kind's role's demo accounts, the (n / 7)-th round robin, or the system where the role
/// has none; a client address (10.0.0.(n mod 200)) on every 16th record of a person;</item>
/// <item>the kind's before/after on every 4th record, its reason on every one.</item>
/// </list>
/// Written with <see cref="BinaryCopyWriter"/>. The rows come out in the (entity_type, entity_id, at DESC) index's order: for each entity type by name, its
/// entities by id (only the ids are sorted, at most a million short strings), each entity's records newest first.
/// </summary>
public sealed class AuditRows(Dictionary<string, (int Id, string Name)[]> actors, DateTime start, long count, long firstId)
{
    private const short Fields = 11;

    /// <summary>The rows, into a COPY of the log's columns in <see cref="LargeAuditLog"/>'s order (<see cref="BinaryCopyWriter.CopyAsync"/>).</summary>
    public async Task WriteAsync(BinaryCopyWriter w, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var step = TimeSpan.FromDays(LargeAuditLog.Days).Ticks / count;   // ticks of 100 ns
        var kinds = LargeAuditLog.Kinds.ToDictionary(k => k, k => new Encoded(k, actors.GetValueOrDefault(k.Actor) ?? []));
        var system = Utf8("system");
        var addresses = Enumerable.Range(0, 200).Select(i => Utf8("10.0.0." + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        long written = 0;
        foreach (var type in LargeAuditLog.Kinds.Select(k => k.Entity).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var slots = Enumerable.Range(0, 100).Where(s => LargeAuditLog.Slots[s].Entity == type).ToArray();
            var weight = slots.Length;
            var records = count / 100 * weight + slots.Count(s => s < count % 100);
            var typeBytes = Utf8(type.Name);
            foreach (var (e, id) in EntitiesInIdOrder(type, Math.Min(type.Count, records)))
            {
                var entity = Utf8(id);
                for (var r = (records - 1 - e) / type.Count; r >= 0; r--)
                {
                    var j = e + r * type.Count;
                    var n = j / weight * 100 + slots[j % weight];
                    var kind = kinds[LargeAuditLog.Slots[n % 100]];
                    await w.RowAsync(Fields, ct);
                    w.Int8(firstId + n);
                    if (kind.People.Length == 0) { w.Null(); w.Bytes(system); }
                    else
                    {
                        var (personId, name) = kind.People[(int)(n / 7 % kind.People.Length)];
                        w.Int4(personId);
                        w.Bytes(name);
                    }
                    w.Bytes(kind.Action);
                    w.Bytes(typeBytes);
                    w.Bytes(entity);
                    if (kind.Before is null || n % 4 != 0) w.Null(); else w.Bytes(kind.Before);
                    if (kind.After is null || n % 4 != 0) w.Null(); else w.Bytes(kind.After);
                    if (kind.Reason is null) w.Null(); else w.Bytes(kind.Reason);
                    w.TimestampTz(start.AddTicks(step * n + n % 7 * TimeSpan.TicksPerMillisecond));
                    if (kind.People.Length > 0 && n % 16 == 0) w.Bytes(addresses[n % 200]); else w.Null();
                    Progress.Report("audit records", ++written, count);
                }
                if (e % 10_000 == 0)
                    ct.ThrowIfCancellationRequested();   // another part failed: stop, the transaction rolls back
            }
        }
    }

    /// <summary>The first <paramref name="entities"/> ids of a type, ordered as the index orders them (decimal ids as text).</summary>
    private static (long E, string Id)[] EntitiesInIdOrder(AuditEntityType type, long entities)
    {
        var ids = new (long, string)[entities];
        for (long e = 0; e < entities; e++)
            ids[e] = (e, type.Ids switch
            {
                AuditEntityIds.Product => ProductIds.FromNumber(e),
                AuditEntityIds.LargeGuid => PlatformBulk.LargeGuid(type.GuidKind, e).ToString(),
                _ => (e + 1).ToString(CultureInfo.InvariantCulture),
            });
        // product ids and the GUIDs' text already rise with e; decimal ids do not ("10" < "9")
        if (type.Ids == AuditEntityIds.Decimal)
            Array.Sort(ids, (a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return ids;
    }

    private sealed class Encoded(AuditKind kind, (int Id, string Name)[] people)
    {
        public readonly (int Id, byte[] Name)[] People = [.. people.Select(p => (p.Id, Utf8(p.Name)))];
        public readonly byte[] Action = Utf8(kind.Action);
        public readonly byte[]? Before = kind.Before is null ? null : BinaryCopyWriter.Jsonb(kind.Before);
        public readonly byte[]? After = kind.After is null ? null : BinaryCopyWriter.Jsonb(kind.After);
        public readonly byte[]? Reason = kind.Reason is null ? null : Utf8(kind.Reason);
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
