using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>A ticket raised for a student (by staff on their behalf, or by the student's app).</summary>
public sealed record NewTicket(int StudentUserId, int CategoryId, int? SubcategoryId, string Title, string? Description,
    string? Location = null);

/// <summary>
/// Creates tickets: due_at from the subcategory's SLA (else the category's), the hostel from the student, and the
/// assignee by <see cref="AutoAssigner"/>; ticket, activity, outbox and audit commit together.
/// </summary>
public sealed class TicketIntake(
    IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit, IChangeFeed feed,
    TimeProvider clock)
{
    /// <summary>
    /// The student's user id for a roll number, or null: for those who triage tickets, and only a student the caller
    /// could raise a ticket for (see <see cref="TicketScopeRules.CanRaiseFor"/>); anyone else reads "no such student".
    /// </summary>
    public async Task<int?> StudentByRollNoAsync(ClaimsPrincipal user, string rollNo, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        return await StudentInScopeAsync(actor, rollNo, ct);
    }

    private async Task<int?> StudentInScopeAsync(PortalActor actor, string? rollNo, CancellationToken ct)
    {
        if (RollNoRule.Check(rollNo) is not { Ok: true, Value: { } roll })
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var student = await db.Set<Student>().AsNoTracking().Where(s => s.RollNo == roll)
            .Select(s => new { s.UserId, s.HostelId }).SingleOrDefaultAsync(ct);
        if (student is null)
            return null;
        var rules = await TicketScope.ForAsync(db, actor, ct);
        return rules.CanRaiseFor(student.HostelId) ? student.UserId : null;
    }

    /// <summary>The inputs a refusal names.</summary>
    public static class Fields
    {
        public const string Student = "student";
        public const string Category = "category";
        public const string Subcategory = "subcategory";
        public const string Title = "title";
        public const string Description = "description";
        public const string Location = "location";
    }

    // the text rules (TextRules): limits from the columns
    public static readonly TextRule TitleRule = TextRules.For<Ticket>(t => t.Title, Fields.Title, "The title", required: true);
    public static readonly TextRule DescriptionRule =
        TextRules.For<Ticket>(t => t.Description, Fields.Description, "The description", cap: 5000, multiLine: true);
    public static readonly TextRule LocationRule = TextRules.For<Ticket>(t => t.Location, Fields.Location, "The location");
    public static readonly TextRule RollNoRule = TextRules.For<Student>(s => s.RollNo, Fields.Student, "The roll number", required: true);

    public static int MaxTitleLength => TitleRule.MaxLength;

    /// <summary>Creates a ticket for the student of a roll number (staff raising it on their behalf).</summary>
    public async Task<Outcome<int>> CreateForRollNoAsync(ClaimsPrincipal user, string? rollNo, int? categoryId,
        int? subcategoryId, string? title, string? description, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        if (RollNoRule.Refusal(rollNo) is { } badRoll)
            return Outcome<int>.Failed(badRoll);
        if (await StudentInScopeAsync(actor, rollNo, ct) is not { } student)
            return Outcome<int>.Failed(Outcome.Refused("No student has that roll number.", Fields.Student));
        if (categoryId is not { } category)
            return Outcome<int>.Failed(Outcome.Refused("Pick a category.", Fields.Category));
        return await CreateAsync(user, new NewTicket(student, category, subcategoryId, title ?? "", description), ct);
    }

    public async Task<Outcome<int>> CreateAsync(ClaimsPrincipal user, NewTicket request, CancellationToken ct = default)
    {
        static Outcome<int> Refused(string message, string field) => Outcome<int>.Failed(Outcome.Refused(message, field));
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        if (TextRules.FirstRefusal((TitleRule, request.Title), (DescriptionRule, request.Description),
                (LocationRule, request.Location)) is { } badText)
            return Outcome<int>.Failed(badText);
        var title = TitleRule.Check(request.Title).Value!;
        var description = DescriptionRule.Check(request.Description).Value;
        var location = LocationRule.Check(request.Location).Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var student = await db.Set<Student>().AsNoTracking().Where(s => s.UserId == request.StudentUserId)
            .Select(s => new { s.HostelId, s.RoomNo, Hostel = s.Hostel!.Name }).SingleOrDefaultAsync(ct);
        if (student is null)
            return Refused("Pick the student the ticket is for.", Fields.Student);
        var category = await db.Set<Category>().AsNoTracking().Where(c => c.Id == request.CategoryId && c.Active)
            .Select(c => new { c.Id, c.SlaHours }).SingleOrDefaultAsync(ct);
        if (category is null)
            return Refused("Pick an active category.", Fields.Category);
        int? subSla = null;
        if (request.SubcategoryId is { } subId)
        {
            var sub = await db.Set<Subcategory>().AsNoTracking().Where(s => s.Id == subId && s.CategoryId == category.Id && s.Active)
                .Select(s => new { s.SlaHours }).SingleOrDefaultAsync(ct);
            if (sub is null)
                return Refused("That subcategory is not in the category, or is inactive.", Fields.Subcategory);
            subSla = sub.SlaHours;
        }
        var rules = await TicketScope.ForAsync(db, actor, ct);
        if (!rules.Covers(student.HostelId, category.Id, null))
            return Refused("That student's hostel and this category are outside your scope.", Fields.Student);

        var now = clock.GetUtcNow().UtcDateTime;
        var assignee = await AutoAssigner.PickAsync(db, category.Id, student.HostelId, ct);
        var ticket = new Ticket
        {
            Title = title, Description = description, Status = TicketStatus.Open,
            CategoryId = category.Id, SubcategoryId = request.SubcategoryId, CreatedBy = request.StudentUserId,
            AssignedTo = assignee?.StaffId, HostelId = student.HostelId,
            Location = location ?? $"{student.Hostel} {student.RoomNo}".Trim(),
            Metadata = JsonSerializer.SerializeToDocument(new { hostel = student.Hostel, room = student.RoomNo, raised_by = actor.Name }),
            CreatedAt = now, UpdatedAt = now, DueAt = now.AddHours(subSla ?? category.SlaHours),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        db.Add(TicketEvents.Activity(ticket.Id, actor.Id, "created", now, new { status = "OPEN", onBehalfOf = request.StudentUserId }));
        if (assignee is not null)
        {
            db.Add(TicketEvents.Activity(ticket.Id, null, "assigned", now, new { staffId = assignee.StaffId, staffName = assignee.Name, auto = true }));
            db.Add(TicketEvents.Outbox(TicketEvents.Assigned, ticket.Id, actor.Id, now));
        }
        audit.Add(db, actor.ToAudit(), "ticket.create", "ticket", ticket.Id.ToString(CultureInfo.InvariantCulture),
            after: new { title, categoryId = category.Id, assignedTo = assignee?.StaffId, dueAt = ticket.DueAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, ticket.Id.ToString(CultureInfo.InvariantCulture),
            ChangeActions.Created, actor.Id, actor.Name), ct);
        return Outcome<int>.Done(ticket.Id, $"Ticket #{ticket.Id.ToString(CultureInfo.InvariantCulture)} created");
    }
}
