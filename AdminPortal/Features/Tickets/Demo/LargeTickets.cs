using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Data.Bulk;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;
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

    public static async Task LoadAsync(PortalDbContext db, DemoCampus campus, DemoPeople people, DemoDesk desk,
        DateTime now, int count, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
            await conn.OpenAsync(ct);
        var students = people.Students.Select(s => (s.UserId, s.HostelId!.Value, s.RoomNo!)).ToArray();
        var hostelNames = campus.Hostels.ToDictionary(h => h.Id, h => h.Name);
        var cats = desk.Categories.Select(c => (c.Category.Id, c.Plan, Subs: c.Subs.Select(s => s.Id).ToArray())).ToArray();
        // Assignee per (category, hostel), chosen as the small demo chooses.
        var assignee = new Dictionary<(int, int), int?>();
        foreach (var c in cats)
            foreach (var h in campus.Hostels)
                assignee[(c.Id, h.Id)] = DemoTickets.PickAssignee(desk, people, c.Id, h.Id, false)?.Id;
        const int spanMinutes = 2 * 365 * 24 * 60;

        var total = Stopwatch.StartNew();
        Console.WriteLine($"helpdesk large: loading {count:N0} tickets by COPY");
        await DeferredIndexes.RunAsync(conn, ["helpdesk.tickets"], async () =>
        {
            var phase = Stopwatch.StartNew();
            await using var writer = await conn.BeginBinaryImportAsync(
                "COPY helpdesk.tickets (title, description, status, category_id, subcategory_id, created_by, assigned_to, " +
                "hostel_id, location, metadata, escalation_level, last_escalation_at, due_at, paused_at, created_at, " +
                "updated_at, resolved_at) FROM STDIN (FORMAT BINARY)", ct);
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
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(subPlan.Titles[i % subPlan.Titles.Length], NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"Reported by a student of {hostelNames[hostelId]} (load row {i}).", NpgsqlDbType.Text, ct);
                await writer.WriteAsync(status, "helpdesk.ticket_status", ct);
                await writer.WriteAsync(categoryId, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(subs[subIndex], NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(userId, NpgsqlDbType.Integer, ct);
                var assigned = status == TicketStatus.Open && i % 5 < 2 ? null : assignee[(categoryId, hostelId)];
                if (assigned is null) await writer.WriteNullAsync(ct); else await writer.WriteAsync(assigned.Value, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(hostelId, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync($"{hostelNames[hostelId]} {room}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"{{\"hostel\":\"{hostelNames[hostelId]}\",\"room\":\"{room}\",\"floor\":{room[2] - '0'}}}", NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(escalation, NpgsqlDbType.Integer, ct);
                await WriteTimeAsync(writer, escalation > 0 ? due.AddHours(1 + i % 24) : null, ct);
                await writer.WriteAsync(due, NpgsqlDbType.TimestampTz, ct);
                await WriteTimeAsync(writer, status == TicketStatus.AwaitingStudentResponse ? created.AddHours(1) : null, ct);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(resolved ?? created.AddMinutes(5 + i % 600), NpgsqlDbType.TimestampTz, ct);
                await WriteTimeAsync(writer, resolved, ct);
                if ((i + 1) % 200_000 == 0)
                    Console.WriteLine($"  {i + 1:N0} rows, {phase.ElapsedMilliseconds:N0} ms");
            }
            await writer.CompleteAsync(ct);
            Console.WriteLine($"helpdesk large: COPY {count:N0} tickets in {phase.ElapsedMilliseconds:N0} ms");
        }, message => Console.WriteLine($"helpdesk large: {message}"), ct);
        Console.WriteLine($"helpdesk large: done in {total.ElapsedMilliseconds:N0} ms (COPY + indexes + ANALYZE)");
    }

    private static Task WriteTimeAsync(NpgsqlBinaryImporter writer, DateTime? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value.Value, NpgsqlDbType.TimestampTz, ct);
}
