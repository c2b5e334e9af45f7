using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security.Audit;
using Bogus;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>Tickets in every status with comments, activity, outbox rows, notifications and audit records.</summary>
internal static class DemoTickets
{
    public const int Count = HelpdeskDemoData.DemoTicketCount;

    /// <summary>The students' photos, served from wwwroot-assets/tickets.</summary>
    private static readonly string[] DemoPhotos = ["leaking-tap", "broken-window", "wifi-router", "fan-switch", "mess-tray"];

    private static JsonDocument DemoPhoto(string name) =>
        JsonSerializer.SerializeToDocument(new[] { new { name = $"{name}.svg", url = $"/assets/tickets/{name}.svg", type = "image/svg+xml" } });

    private static readonly TicketStatus[] Statuses = Enum.GetValues<TicketStatus>();
    private static readonly float[] StatusWeights = [0.2f, 0.2f, 0.08f, 0.07f, 0.25f, 0.05f, 0.15f];
    private static readonly float[] CategoryWeights = [0.22f, 0.28f, 0.16f, 0.16f, 0.1f, 0.08f];

    private static readonly string[] Replies =
    [
        "We have noted this and a technician will visit today.", "Could you share a photo of the issue?",
        "This is fixed now, please confirm.", "Still not working, please check again.", "Thank you, it works now.",
        "The vendor has been informed; expect a fix by tomorrow.", "Which room number exactly?",
    ];

    private static readonly string[] Notes =
    [
        "Spare part ordered from the store.", "Same complaint from the floor last week; check the wiring.",
        "Forwarded to the estate office.", "Student not reachable on phone.", "Needs warden approval.",
    ];

    public static async Task SeedAsync(PortalDbContext db, Faker f, DemoCampus campus, DemoPeople people, DemoDesk desk,
        DateTime now, int count, CancellationToken ct)
    {
        var tickets = new List<Ticket>(count);
        for (var i = 0; i < count; i++)
            tickets.Add(NewTicket(f, campus, people, desk, now));
        db.AddRange(tickets);
        await db.SaveChangesAsync(ct);

        // Escalation records carry the escalation's own time, not the seeding clock's.
        var audit = new AuditTrail(TimeProvider.System);
        foreach (var ticket in tickets)
        {
            AddTimeline(db, f, people, ticket);
            if (ticket.EscalationLevel > 0)
                audit.Add(db, AuditActor.System, "ticket.escalate", "ticket", ticket.Id.ToString(),
                    new { escalationLevel = ticket.EscalationLevel - 1 },
                    new { escalationLevel = ticket.EscalationLevel, assignedTo = ticket.AssignedTo },
                    "TAT exceeded").At = ticket.LastEscalationAt!.Value;
        }
        AddOutbox(db, tickets);
        AddNotifications(db, people, tickets);
        await db.SaveChangesAsync(ct);
    }

    private static Ticket NewTicket(Faker f, DemoCampus campus, DemoPeople people, DemoDesk desk, DateTime now)
    {
        var student = f.PickRandom(people.Students);
        var hostel = campus.Hostels.First(h => h.Id == student.HostelId);
        var (category, plan, subs) = f.Random.WeightedRandom(desk.Categories.ToArray(), CategoryWeights);
        var subIndex = f.Random.Int(0, subs.Count - 1);
        var subPlan = plan.Subs[subIndex];
        var status = f.Random.WeightedRandom(Statuses, StatusWeights);
        var created = now.AddMinutes(-f.Random.Int(30, 30 * 24 * 60));
        var sla = subPlan.SlaHours ?? plan.SlaHours;
        var floor = int.Parse(student.RoomNo![2..3]);
        var ticket = new Ticket
        {
            Title = f.PickRandom(subPlan.Titles),
            Description = f.Lorem.Sentences(f.Random.Int(1, 3)),
            Status = status,
            CategoryId = category.Id,
            SubcategoryId = subs[subIndex].Id,
            CreatedBy = student.UserId,
            HostelId = hostel.Id,
            Location = $"{hostel.Name} {student.RoomNo}",
            Metadata = JsonSerializer.SerializeToDocument(new { hostel = hostel.Name, room = student.RoomNo, floor }),
            Attachments = f.Random.Bool(0.2f)
                ? DemoPhoto(f.PickRandom(DemoPhotos))
                : null,
            CreatedAt = created,
            DueAt = created.AddHours(sla),
            UpdatedAt = created,
        };
        var open = status is not (TicketStatus.Resolved or TicketStatus.Closed);
        if (!(status == TicketStatus.Open && f.Random.Bool(0.4f)))
            ticket.AssignedTo = PickAssignee(desk, people, category.Id, hostel.Id, status == TicketStatus.Forwarded)?.Id;
        var age = (now - created).TotalMinutes;
        if (status == TicketStatus.AwaitingStudentResponse)
            ticket.PausedAt = created.AddMinutes(age * f.Random.Double(0.3, 0.9));
        if (!open)
        {
            var took = Math.Min(sla * 60 * f.Random.Double(0.2, 1.6), age - 10);
            ticket.ResolvedAt = created.AddMinutes(took);
            ticket.UpdatedAt = status == TicketStatus.Closed ? ticket.ResolvedAt.Value.AddMinutes(Math.Min(600, (now - ticket.ResolvedAt.Value).TotalMinutes / 2)) : ticket.ResolvedAt.Value;
        }
        else if (ticket.DueAt < now && status != TicketStatus.AwaitingStudentResponse && f.Random.Bool(0.6f)
                 && desk.LadderByCategory.TryGetValue(category.Id, out var ladder))
        {
            ticket.EscalationLevel = f.Random.Int(1, ladder.Count);
            ticket.LastEscalationAt = ticket.DueAt.Value.AddMinutes((now - ticket.DueAt.Value).TotalMinutes * f.Random.Double(0.1, 0.9));
            ticket.AssignedTo = ladder[ticket.EscalationLevel - 1].Id;
        }
        if (open)
            ticket.UpdatedAt = created.AddMinutes(age * f.Random.Double(0.1, 1));
        ticket.UpdatedAt = HelpdeskDemoData.TruncateToSecond(new[] { ticket.UpdatedAt, ticket.LastEscalationAt ?? created, ticket.PausedAt ?? created }.Max());
        return ticket;
    }

    /// <summary>Hostel staff of the ticket's hostel first, else the category's specialists (forwarded: specialists).</summary>
    internal static Staff? PickAssignee(DemoDesk desk, DemoPeople people, int categoryId, int hostelId, bool forwarded)
    {
        if (!desk.AssigneesByCategory.TryGetValue(categoryId, out var assignments))
            return null;
        var staff = assignments.Select(a => people.Staff.First(s => s.Id == a.StaffId)).ToList();
        return (forwarded ? null : staff.FirstOrDefault(s => s.HostelId == hostelId))
               ?? staff.FirstOrDefault(s => s.HostelId is null) ?? staff.FirstOrDefault();
    }

    private static void AddTimeline(PortalDbContext db, Faker f, DemoPeople people, Ticket t)
    {
        var assigneeUser = people.Staff.FirstOrDefault(s => s.Id == t.AssignedTo)?.UserId;
        var span = Math.Max(1, (t.UpdatedAt - t.CreatedAt).TotalMinutes);
        DateTime At(double share) => HelpdeskDemoData.TruncateToSecond(t.CreatedAt.AddMinutes(span * share));
        db.Add(Activity(t.Id, t.CreatedBy, "created", t.CreatedAt, new { status = "OPEN" }));
        if (t.AssignedTo is not null)
            db.Add(Activity(t.Id, null, "assigned", At(0.05), new { staffId = t.AssignedTo }));
        if (t.Status != TicketStatus.Open)
            db.Add(Activity(t.Id, assigneeUser, "status_change", At(0.5), new { from = "OPEN", to = Label(t.Status) }));
        for (var level = 1; level <= t.EscalationLevel; level++)
            db.Add(Activity(t.Id, null, "escalated", t.LastEscalationAt!.Value.AddMinutes(level - t.EscalationLevel), new { level }));
        if (t.ResolvedAt is not null)
            db.Add(Activity(t.Id, assigneeUser, "resolved", HelpdeskDemoData.TruncateToSecond(t.ResolvedAt.Value), null));

        var comments = t.Status == TicketStatus.Open ? f.Random.Int(0, 1) : f.Random.Int(1, 4);
        for (var c = 0; c < comments; c++)
        {
            var internalNote = assigneeUser is not null && f.Random.Bool(0.3f);
            var fromStudent = !internalNote && (assigneeUser is null || f.Random.Bool(0.4f));
            db.Add(new Comment
            {
                TicketId = t.Id,
                AuthorId = fromStudent ? t.CreatedBy : assigneeUser,
                Body = internalNote ? f.PickRandom(Notes) : f.PickRandom(Replies),
                IsInternal = internalNote,
                CreatedAt = At((c + 1.0) / (comments + 1)),
            });
        }
    }

    private static ActivityLog Activity(int ticketId, int? actor, string action, DateTime at, object? details) => new()
    {
        TicketId = ticketId, ActorId = actor, Action = action, CreatedAt = at,
        Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
    };

    internal static string Label(TicketStatus status) =>
        typeof(TicketStatus).GetField(status.ToString())!
            .GetCustomAttributes(typeof(NpgsqlTypes.PgNameAttribute), false).Cast<NpgsqlTypes.PgNameAttribute>().Single().PgName;

    private static void AddOutbox(PortalDbContext db, List<Ticket> tickets)
    {
        var recent = tickets.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Take(6).ToList();
        for (var i = 0; i < recent.Count; i++)
        {
            var t = recent[i];
            var kind = t.ResolvedAt is not null ? "ticket.resolved" : t.EscalationLevel > 0 ? "ticket.escalated" : "ticket.updated";
            db.Add(new OutboxMessage
            {
                EventType = kind,
                Payload = JsonSerializer.SerializeToDocument(new { ticket_id = t.Id, status = Label(t.Status) }),
                CreatedAt = t.UpdatedAt,
                ProcessedAt = i < 4 ? null : t.UpdatedAt.AddSeconds(2),
                Attempts = i switch { 0 => 3, < 4 => 0, _ => 1 },
                LastError = i == 0 ? "slack: channel_not_found" : null,
            });
        }
    }

    private static void AddNotifications(PortalDbContext db, DemoPeople people, List<Ticket> tickets)
    {
        foreach (var email in new[] { DemoStaffPlan.StaffA, DemoStaffPlan.StaffB })
        {
            var staff = people.StaffByEmail[email];
            var mine = tickets.Where(t => t.AssignedTo == staff.Id).OrderByDescending(t => t.CreatedAt).Take(6).ToList();
            for (var i = 0; i < mine.Count; i++)
                db.Add(new PortalNotification
                {
                    UserId = staff.UserId,
                    Kind = mine[i].EscalationLevel > 0 ? "ticket.escalated" : "ticket.assigned",
                    Title = $"Ticket #{mine[i].Id} \"{mine[i].Title}\" was assigned to you",
                    Link = $"/tickets/{mine[i].Id}",
                    CreatedAt = mine[i].CreatedAt.AddMinutes(1),
                    ReadAt = i >= 3 ? mine[i].CreatedAt.AddMinutes(30) : null,
                });
        }
    }
}
