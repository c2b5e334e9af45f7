using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Features.Tickets.Model;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>
/// <see cref="AdminPortal.Data.Demo.DemoScale.Large"/>: a million tickets over the demo campus by binary COPY, with
/// the tickets' secondary indexes dropped during the load and rebuilt after. Rows come from cheap arithmetic on the
/// row number (no Bogus per row), so the load is deterministic too.
/// </summary>
internal static class LargeTickets
{
    public const int DefaultCount = 1_000_000;

    private static readonly TicketStatus[] StatusCycle =
    [
        TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Resolved,
        TicketStatus.Closed, TicketStatus.Resolved, TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded,
        TicketStatus.Resolved, TicketStatus.Reopened, TicketStatus.Closed, TicketStatus.InProgress,
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
        const int spanMinutes = 2 * 365 * 24 * 60;

        await BulkLoad.RunAsync(dataSource, $"tickets ({count:N0})", ["helpdesk.tickets"], ["helpdesk.tickets"], (conn, freeze) =>
        {
            using var writer = conn.BeginBinaryImport(
                "COPY helpdesk.tickets (title, description, status, category_id, subcategory_id, created_by, assigned_to, " +
                "hostel_id, location, metadata, escalation_level, last_escalation_at, due_at, paused_at, created_at, " +
                $"updated_at, resolved_at) FROM STDIN {BulkLoad.CopyOptions(freeze)}");
            for (var i = 0; i < count; i++)
            {
                var (userId, hostelId, room) = students[(int)((uint)(i * 7919) % (uint)students.Length)];
                var (categoryId, plan, subs) = cats[i * 31 % 97 % cats.Length];
                var subIndex = i / 7 % subs.Length;
                var subPlan = plan.Subs[subIndex];
                var statusIndex = i * 17 % StatusCycle.Length;
                var status = StatusCycle[statusIndex];
                // Older rows first: ids grow with created_at, as in a real table.
                var created = now.AddMinutes(-spanMinutes + (long)i * spanMinutes / count + i % 13);
                var sla = subPlan.SlaHours ?? plan.SlaHours;
                var due = created.AddHours(sla);
                var done = status is TicketStatus.Resolved or TicketStatus.Closed;
                var resolved = done ? created.AddMinutes(sla * 60 * (20 + i % 140) / 100) : (DateTime?)null;
                var escalation = !done && due < now && i % 3 == 0 ? 1 + i % 2 : 0;
                var hostelName = hostelNames[hostelId];
                writer.StartRow();
                writer.Write(subPlan.Titles[i % subPlan.Titles.Length], NpgsqlDbType.Varchar);
                writer.Write($"Reported by a student of {hostelName} (load row {i}).", NpgsqlDbType.Text);
                writer.Write(status, "helpdesk.ticket_status");
                writer.Write(categoryId, NpgsqlDbType.Integer);
                writer.Write(subs[subIndex], NpgsqlDbType.Integer);
                writer.Write(userId, NpgsqlDbType.Integer);
                var assigned = status == TicketStatus.Open && i % 5 < 2 ? null : assignee[(categoryId, hostelId)];
                if (assigned is null) writer.WriteNull(); else writer.Write(assigned.Value, NpgsqlDbType.Integer);
                writer.Write(hostelId, NpgsqlDbType.Integer);
                writer.Write($"{hostelName} {room}", NpgsqlDbType.Varchar);
                writer.Write($"{{\"hostel\":\"{hostelName}\",\"room\":\"{room}\",\"floor\":{room[2] - '0'}}}", NpgsqlDbType.Jsonb);
                writer.Write(escalation, NpgsqlDbType.Integer);
                WriteTime(writer, escalation > 0 ? due.AddHours(1 + i % 24) : null);
                writer.Write(due, NpgsqlDbType.TimestampTz);
                WriteTime(writer, status == TicketStatus.AwaitingStudentResponse ? created.AddHours(1) : null);
                writer.Write(created, NpgsqlDbType.TimestampTz);
                writer.Write(resolved ?? created.AddMinutes(5 + i % 600), NpgsqlDbType.TimestampTz);
                WriteTime(writer, resolved);
                Progress.Report("tickets", i + 1, count);
            }
            writer.Complete();
            return Task.CompletedTask;
        }, ct);
    }

    private static void WriteTime(NpgsqlBinaryImporter writer, DateTime? value)
    {
        if (value is null) writer.WriteNull(); else writer.Write(value.Value, NpgsqlDbType.TimestampTz);
    }
}
