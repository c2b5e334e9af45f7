using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets.Model;
using Npgsql;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>
/// <see cref="AdminPortal.Data.Demo.DemoScale.Large"/>: a million tickets over the demo campus by binary COPY, with
/// the tickets' secondary indexes dropped during the load and rebuilt after. Rows come from cheap arithmetic on the
/// row number (no Bogus per row), so the load is deterministic too.
/// </summary>
internal static class LargeTickets
{
    public const int DefaultCount = 1_000_000;

    /// <summary>Statuses of tickets still open at the anchor (those resolved by then are Resolved or Closed).</summary>
    private static readonly TicketStatus[] OpenCycle =
    [
        TicketStatus.InProgress, TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Forwarded, TicketStatus.Open,
        TicketStatus.AwaitingStudentResponse, TicketStatus.InProgress, TicketStatus.Reopened, TicketStatus.Open,
    ];

    /// <summary>
    /// Runs before the small demo's tickets, while helpdesk.tickets and the tables referencing it (comments,
    /// activity) are still empty: the load empties them again in its own transaction, so COPY skips WAL.
    /// </summary>
    public static async Task LoadAsync(NpgsqlDataSource dataSource, DemoCampus campus, DemoPeople people, DemoDesk desk,
        DateTime now, int count, CancellationToken ct)
    {
        var students = people.Students.Select(s => (s.UserId, s.HostelId!.Value, s.RoomNo!)).ToArray();
        var hostelNames = campus.Hostels.ToDictionary(h => h.Id, h => h.Name);
        var cats = desk.Categories.Select(c => (c.Category.Id, c.Plan, Subs: c.Subs.Select(s => s.Id).ToArray())).ToArray();
        // Assignee per (category, hostel), chosen as the small demo chooses.
        var assignee = new Dictionary<(int, int), int?>();
        foreach (var c in cats)
            foreach (var h in campus.Hostels)
                assignee[(c.Id, h.Id)] = DemoTickets.PickAssignee(desk, people, c.Id, h.Id, false)?.Id;
        var history = new DemoHistory(now);
        var ladders = cats.ToDictionary(c => c.Id, c => desk.LadderByCategory.TryGetValue(c.Id, out var l) ? l.Count : 0);

        await BulkLoad.RunAsync(dataSource, $"tickets ({count:N0})", ["helpdesk.tickets"], ["helpdesk.tickets"], async (conn, freeze) =>
        {
            // a million rows: encoded straight into COPY's binary format (BinaryCopyWriter, decision 0045), every
            // repeated value (titles, statuses, each hostel's name) encoded once
            var statuses = Enum.GetValues<TicketStatus>().Select(BinaryCopyWriter.EnumLabel).ToArray();   // by value
            var titles = cats.ToDictionary(c => c.Id, c => c.Plan.Subs.Select(s => s.Titles.Select(System.Text.Encoding.UTF8.GetBytes).ToArray()).ToArray());
            var descriptions = cats.ToDictionary(c => c.Id, c => HelpdeskTexts.ByCategory[c.Plan.Name].Descriptions);
            var text = new char[1024];
            await BinaryCopyWriter.CopyAsync(conn,
                "COPY helpdesk.tickets (title, description, status, category_id, subcategory_id, created_by, assigned_to, " +
                "hostel_id, location, metadata, escalation_level, last_escalation_at, due_at, paused_at, created_at, " +
                $"updated_at, resolved_at) FROM STDIN {BulkLoad.CopyOptions(freeze)}", async w =>
            {
                for (var i = 0; i < count; i++)
                {
                    var (userId, hostelId, room) = students[(int)((uint)(i * 7919) % (uint)students.Length)];
                    var (categoryId, plan, subs) = cats[i * 31 % 97 % cats.Length];
                    var subIndex = i / 7 % subs.Length;
                    var subPlan = plan.Subs[subIndex];
                    // Older rows first (ids grow with created_at, as in a real table), 90 days by the weekly rhythm.
                    var created = history.Back(1 - (i + 0.5) / count);
                    var sla = subPlan.SlaHours ?? plan.SlaHours;
                    var due = created.AddHours(sla);
                    // hours to resolve: within the SLA for four in five, up to 1.9 times it for the rest
                    var share = i * 53 % 100 / 100.0;
                    var takes = sla * (i * 37 % 100 < 80 ? 0.1 + 0.9 * share : 1.0 + 0.9 * share);
                    var resolvedAt = created.AddHours(takes);
                    var done = resolvedAt < now;
                    var status = done
                        ? (now - resolvedAt).TotalHours > 48 && i % 10 < 7 ? TicketStatus.Closed : TicketStatus.Resolved
                        : OpenCycle[i * 17 % OpenCycle.Length];
                    var resolved = done ? resolvedAt : (DateTime?)null;
                    var paused = status == TicketStatus.AwaitingStudentResponse;
                    // overdue ones were escalated within the category's period (the worker finds nothing at first start);
                    // late resolved ones on the way, every other one
                    var (escalation, escalatedAt) = (0, (DateTime?)null);
                    if (ladders[categoryId] > 0 && !paused && (done ? resolvedAt > due.AddMinutes(30) && i % 2 == 0 : due < now))
                    {
                        var overdue = ((done ? resolvedAt : now) - due).TotalHours;
                        escalation = !done && overdue > plan.SlaHours && ladders[categoryId] > 1 ? 2 : 1;
                        escalatedAt = done ? due.AddHours(overdue * 0.3)
                            : escalation == 2 ? now.AddHours(-(overdue - plan.SlaHours) * 0.5)
                            : now.AddHours(-Math.Min(overdue, plan.SlaHours) * 0.5);
                    }
                    var hostelName = hostelNames[hostelId];
                    await w.RowAsync(17, ct);
                    var subTitles = titles[categoryId][subIndex];
                    w.Bytes(subTitles[i % subTitles.Length]);
                    var texts = descriptions[categoryId];
                    w.Text(Fill(text, texts[i / 3 % texts.Length], room, hostelName));
                    w.Bytes(statuses[(int)status]);
                    w.Int4(categoryId);
                    w.Int4(subs[subIndex]);
                    w.Int4(userId);
                    var assigned = status == TicketStatus.Open && i % 5 < 2 ? null : assignee[(categoryId, hostelId)];
                    if (assigned is null) w.Null(); else w.Int4(assigned.Value);
                    w.Int4(hostelId);
                    w.Text($"{hostelName} {room}");
                    w.JsonbText($"{{\"hostel\":\"{hostelName}\",\"room\":\"{room}\",\"floor\":{room[2] - '0'}}}");
                    w.Int4(escalation);
                    WriteTime(w, escalatedAt);
                    w.TimestampTz(due);
                    WriteTime(w, paused ? created.AddMinutes((now - created).TotalMinutes * 0.3) : null);
                    w.TimestampTz(created);
                    w.TimestampTz(resolved ?? escalatedAt ?? created.AddMinutes(Math.Min(5 + i % 600, (now - created).TotalMinutes)));
                    WriteTime(w, resolved);
                    Progress.Report("tickets", i + 1, count);
                    if (i % 100_000 == 0)
                        ct.ThrowIfCancellationRequested();   // another part failed: stop, the transaction rolls back
                }
            }, ct);
        }, ct);
    }

    /// <summary>A description with its "{room}" and "{hostel}" filled, into <paramref name="into"/> (no string per row).</summary>
    private static ReadOnlySpan<char> Fill(char[] into, string template, string room, string hostel)
    {
        var at = 0;
        for (var k = 0; k < template.Length; k++)
        {
            if (template[k] == '{' && string.CompareOrdinal(template, k, "{room}", 0, 6) == 0) { room.CopyTo(into.AsSpan(at)); at += room.Length; k += 5; }
            else if (template[k] == '{' && string.CompareOrdinal(template, k, "{hostel}", 0, 8) == 0) { hostel.CopyTo(into.AsSpan(at)); at += hostel.Length; k += 7; }
            else into[at++] = template[k];
        }
        return into.AsSpan(0, at);
    }

    private static void WriteTime(BinaryCopyWriter writer, DateTime? value)
    {
        if (value is null) writer.Null(); else writer.TimestampTz(value.Value);
    }
}
