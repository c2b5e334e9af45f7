using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
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

    private static readonly float[] CategoryWeights = [0.22f, 0.28f, 0.16f, 0.16f, 0.1f, 0.08f];

    public static async Task SeedAsync(PortalDbContext db, Faker f, DemoCampus campus, DemoPeople people, DemoDesk desk,
        DateTime now, int count, CancellationToken ct)
    {
        var history = new DemoHistory(now);
        var drafts = Enumerable.Range(0, count).Select(_ => Draft(f, campus, people, desk, history)).ToList();
        ShapeTheOpenDesk(f, drafts, now);
        // in creation order, so ids grow with created_at as in a real table
        var tickets = drafts.OrderBy(d => d.Created).Select(d => Build(f, people, desk, d, now)).ToList();
        db.AddRange(tickets);
        await db.SaveChangesAsync(ct);

        // Escalation records carry the escalation's own time, not the seeding clock's.
        var audit = new AuditTrail(TimeProvider.System);
        foreach (var ticket in tickets)
        {
            AddTimeline(db, f, people, desk, ticket);
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

    /// <summary>A ticket before it is built: who, where, what, when, and how long it takes to resolve.</summary>
    private sealed class TicketDraft
    {
        public required Student Student { get; init; }
        public required Hostel Hostel { get; init; }
        public required Category Category { get; init; }
        public required HelpdeskCatalogue.Cat Plan { get; init; }
        public required Subcategory Sub { get; init; }
        public required HelpdeskCatalogue.Sub SubPlan { get; init; }
        public int Sla => SubPlan.SlaHours ?? Plan.SlaHours;
        public DateTime Created { get; set; }
        /// <summary>Hours from creation to resolution (past the SLA for about one in five).</summary>
        public double Takes { get; set; }
        public TicketStatus Status { get; set; }
        /// <summary>Open: overdue now (the escalation state follows).</summary>
        public bool Overdue { get; set; }
        /// <summary>Overdue for minutes only: not escalated yet (the worker's first pass does it).</summary>
        public bool JustOverdue { get; set; }
    }

    private static TicketDraft Draft(Faker f, DemoCampus campus, DemoPeople people, DemoDesk desk, DemoHistory history)
    {
        var student = f.PickRandom(people.Students);
        var (category, plan, subs) = f.Random.WeightedRandom(desk.Categories.ToArray(), CategoryWeights);
        var subIndex = f.Random.Int(0, subs.Count - 1);
        var d = new TicketDraft
        {
            Student = student, Hostel = campus.Hostels.First(h => h.Id == student.HostelId), Category = category, Plan = plan,
            Sub = subs[subIndex], SubPlan = plan.Subs[subIndex], Created = history.Pick(f.Random),
        };
        d.Takes = d.Sla * f.Random.WeightedRandom([f.Random.Double(0.1, 1.0), f.Random.Double(1.0, 1.9)], [0.8f, 0.2f]);
        var resolvedAt = d.Created.AddHours(d.Takes);
        d.Status = resolvedAt < history.Anchor
            ? (history.Anchor - resolvedAt).TotalHours > 48 && f.Random.Bool(0.7f) ? TicketStatus.Closed : TicketStatus.Resolved
            : f.Random.WeightedRandom(OpenStatuses, OpenWeights);
        // some of the last days' wait on the student, their clock paused
        if (d.Status is TicketStatus.Resolved or TicketStatus.Closed && (history.Anchor - d.Created).TotalDays < 10 && f.Random.Bool(0.15f))
            d.Status = TicketStatus.AwaitingStudentResponse;
        return d;
    }

    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Forwarded, TicketStatus.Reopened];
    private static readonly float[] OpenWeights = [0.3f, 0.4f, 0.15f, 0.15f];

    /// <summary>
    /// About one in ten open tickets is overdue now (at least two; only a running clock is), the rest within their SLA:
    /// the open ones' ages are set so. Overdue ones are escalated within the category's period (the escalation worker
    /// has nothing to do at first start) except <see cref="DueForEscalation"/>, which just went overdue.
    /// </summary>
    private static void ShapeTheOpenDesk(Faker f, List<TicketDraft> drafts, DateTime now)
    {
        var open = drafts.Count(d => d.Status is not (TicketStatus.Resolved or TicketStatus.Closed));
        var running = drafts.Where(d => d.Status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.AwaitingStudentResponse)).ToList();
        // at least two already escalated besides the ones the worker's first pass takes
        var overdue = Math.Min(running.Count / 2, Math.Max(DueForEscalation + 2, (int)Math.Round(open * 0.1)));
        foreach (var (d, i) in f.Random.Shuffle(running).Select((d, i) => (d, i)))
        {
            d.Overdue = i < overdue;
            d.JustOverdue = i < DueForEscalation;
            d.Created = i < overdue
                ? now.AddHours(-d.Sla - (i < DueForEscalation ? f.Random.Double(0.1, 1.5) : d.Plan.SlaHours * f.Random.Double(0.05, 1.8)))
                : now.AddHours(-d.Sla * f.Random.Double(0.02, 0.95));
            d.Created = HelpdeskDemoData.TruncateToSecond(d.Created);
        }
        // every running status on the desk, however quiet the hour (on tickets within their SLA: a paused clock is never overdue)
        var calm = running.Where(d => !d.Overdue).ToList();
        for (var k = 0; k < OpenStatuses.Length && k < calm.Count; k++)
            calm[k].Status = OpenStatuses[k];
    }

    /// <summary>Overdue tickets left for the escalation worker's first pass (the rest are escalated already).</summary>
    public const int DueForEscalation = 2;

    private static Ticket Build(Faker f, DemoPeople people, DemoDesk desk, TicketDraft d, DateTime now)
    {
        var (status, created, sla) = (d.Status, d.Created, d.Sla);
        var floor = int.Parse(d.Student.RoomNo![2..3]);
        var texts = HelpdeskTexts.ByCategory[d.Plan.Name];
        var ticket = new Ticket
        {
            Title = f.PickRandom(d.SubPlan.Titles),
            Description = f.PickRandom(texts.Descriptions).Replace("{room}", d.Student.RoomNo).Replace("{hostel}", d.Hostel.Name),
            Status = status,
            CategoryId = d.Category.Id,
            SubcategoryId = d.Sub.Id,
            CreatedBy = d.Student.UserId,
            HostelId = d.Hostel.Id,
            Location = $"{d.Hostel.Name} {d.Student.RoomNo}",
            Metadata = JsonSerializer.SerializeToDocument(new { hostel = d.Hostel.Name, room = d.Student.RoomNo, floor }),
            Attachments = f.Random.Bool(0.2f)
                ? DemoPhoto(f.PickRandom(DemoPhotos))
                : null,
            CreatedAt = created,
            DueAt = created.AddHours(sla),
            UpdatedAt = created,
        };
        var open = status is not (TicketStatus.Resolved or TicketStatus.Closed);
        if (!(status == TicketStatus.Open && f.Random.Bool(0.4f)))
            ticket.AssignedTo = PickAssignee(desk, people, d.Category.Id, d.Hostel.Id, status == TicketStatus.Forwarded)?.Id;
        var age = (now - created).TotalMinutes;
        desk.LadderByCategory.TryGetValue(d.Category.Id, out var ladder);
        if (status == TicketStatus.AwaitingStudentResponse)
            ticket.PausedAt = created.AddMinutes(age * f.Random.Double(0.1, 0.5));
        if (!open)
        {
            var took = Math.Min(d.Takes * 60, age - 10);
            ticket.ResolvedAt = created.AddMinutes(took);
            ticket.UpdatedAt = status == TicketStatus.Closed ? ticket.ResolvedAt.Value.AddMinutes(Math.Min(600, (now - ticket.ResolvedAt.Value).TotalMinutes / 2)) : ticket.ResolvedAt.Value;
            // resolved late: escalated once on the way, as the worker would have
            var late = (ticket.ResolvedAt.Value - ticket.DueAt.Value).TotalMinutes;
            if (late > 30 && ladder is { Count: > 0 } && f.Random.Bool(0.6f))
            {
                ticket.EscalationLevel = 1;
                ticket.LastEscalationAt = ticket.DueAt.Value.AddMinutes(late * f.Random.Double(0.05, 0.5));
                ticket.AssignedTo = ladder[0].Id;
            }
        }
        else if (d.Overdue && !d.JustOverdue && ladder is { Count: > 0 })
        {
            var overdueHours = (now - ticket.DueAt.Value).TotalHours;
            var period = d.Plan.SlaHours;   // the worker's period: the category's SLA
            if (overdueHours > period && ladder.Count > 1)
            {
                // twice: the second within the last period
                ticket.EscalationLevel = 2;
                ticket.LastEscalationAt = now.AddHours(-(overdueHours - period) * f.Random.Double(0.05, 0.9));
            }
            else
            {
                ticket.EscalationLevel = 1;
                ticket.LastEscalationAt = now.AddHours(-Math.Min(overdueHours, period) * f.Random.Double(0.05, 0.9));
            }
            if (ticket.EscalationLevel > 0)
                ticket.AssignedTo = ladder[ticket.EscalationLevel - 1].Id;
        }
        if (ticket.LastEscalationAt is { } esc)
            ticket.LastEscalationAt = HelpdeskDemoData.TruncateToSecond(esc);
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

    private static void AddTimeline(PortalDbContext db, Faker f, DemoPeople people, DemoDesk desk, Ticket t)
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

        var texts = HelpdeskTexts.ByCategory[desk.Categories.First(c => c.Category.Id == t.CategoryId).Plan.Name];
        var comments = t.Status == TicketStatus.Open ? f.Random.Int(0, 1) : f.Random.Int(1, 4);
        for (var c = 0; c < comments; c++)
        {
            var internalNote = assigneeUser is not null && f.Random.Bool(0.3f);
            var fromStudent = !internalNote && (assigneeUser is null || f.Random.Bool(0.4f));
            db.Add(new Comment
            {
                TicketId = t.Id,
                AuthorId = fromStudent ? t.CreatedBy : assigneeUser,
                Body = internalNote ? f.PickRandom(texts.Notes) : f.PickRandom(fromStudent ? texts.StudentReplies : texts.StaffReplies),
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
