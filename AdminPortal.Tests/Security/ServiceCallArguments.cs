using System.Reflection;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Arguments for calling any feature service method generically (<see cref="ServiceCallerMatrixTests"/>): every id
/// points at a real demo row that staff B (hostel B) may not see: a hostel-A ticket outside staff B's scope, its
/// category, its student, staff A, another moderator's account; texts and reasons are valid, so a refusal comes from
/// the caller check and not from the input. Values are chosen by parameter type and name; a parameter this class cannot
/// fill fails the test with its name, so a new method's arguments get added here.
/// </summary>
internal sealed class ServiceCallArguments
{
    public const string Marker = "[A-only]";
    public const string Reason = "Checked by the security suite's caller matrix.";

    public required int TicketId { get; init; }
    public required int CategoryId { get; init; }
    public int? SubcategoryId { get; init; }
    public required int StudentUserId { get; init; }
    public required string RollNo { get; init; }
    public required int StaffId { get; init; }
    public required int TargetUserId { get; init; }
    public required int TargetUserRoleId { get; init; }
    public required Guid GroupId { get; init; }
    public required Guid MessageId { get; init; }
    public required string ProductId { get; init; }
    public required uint TicketVersion { get; init; }
    public required uint UserVersion { get; init; }
    public required uint CategoryVersion { get; init; }
    public required uint StaffVersion { get; init; }
    public required uint ProductVersion { get; init; }
    public required DateTime Now { get; init; }
    public required int BrandId { get; init; }
    public required int VendorId { get; init; }

    public const string TicketPhoto = "/assets/tickets/caller-matrix.svg";
    public const string ChatPhoto = "/assets/chat/photo.svg";

    /// <summary>Reads the demo rows, and marks the hostel-A tickets staff B may not see with <see cref="Marker"/>.</summary>
    public static async Task<ServiceCallArguments> PrepareAsync(PostgresFixture fixture, PortalActor staffB)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var rulesB = await TicketScope.ForAsync(db, staffB);
        var visibleToB = db.Set<Ticket>().Where(rulesB.Predicate()).Select(t => t.Id);
        var hidden = db.Set<Ticket>().Where(t => t.HostelId == 1 && t.CategoryId != null && !visibleToB.Contains(t.Id));
        await hidden.ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, t => Marker + " " + t.Title));
        // hostel A's own staff are hostel A's too (the assignee lists of its categories)
        await db.Set<Staff>().Where(s => s.HostelId == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.FullName, x => Marker + " " + x.FullName));
        var ticket = await hidden.Where(t => db.Set<Student>().Any(s => s.UserId == t.CreatedBy))
            .OrderByDescending(t => db.Set<CategoryAssignment>().Any(a => a.CategoryId == t.CategoryId && a.Staff!.HostelId == 1))
            .ThenBy(t => t.Id).FirstAsync();
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE helpdesk.tickets SET attachments = jsonb_build_array(jsonb_build_object('name', 'p.svg', 'url', {0}, 'type', 'image/svg+xml')) WHERE id = {1}",
            TicketPhoto, ticket.Id);
        ticket = await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == ticket.Id);
        var student = await db.Set<Student>().AsNoTracking().SingleAsync(s => s.UserId == ticket.CreatedBy);
        var staffA = await db.Set<Staff>().AsNoTracking().Where(s => s.User!.Email == "staff.a@adminportal.demo").SingleAsync();
        var target = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "moderator2@adminportal.demo");
        var message = await db.Set<Message>().AsNoTracking().OrderBy(m => m.GroupId).ThenBy(m => m.Id).FirstAsync();
        var product = await db.Set<Product>().AsNoTracking().OrderBy(p => p.Id).FirstAsync();
        return new ServiceCallArguments
        {
            TicketId = ticket.Id,
            CategoryId = ticket.CategoryId!.Value,
            SubcategoryId = await db.Set<Subcategory>().Where(s => s.CategoryId == ticket.CategoryId).Select(s => (int?)s.Id).FirstOrDefaultAsync(),
            StudentUserId = student.UserId,
            RollNo = student.RollNo,
            StaffId = staffA.Id,
            TargetUserId = target.Id,
            TargetUserRoleId = await db.UserRoles.Where(r => r.UserId == target.Id).Select(r => r.Id).FirstAsync(),
            GroupId = message.GroupId,
            MessageId = message.Id,
            ProductId = product.Id,
            TicketVersion = ticket.Version,
            UserVersion = target.Version,
            // a stale version: the admin's allowed calls end in a conflict and leave staff A's profile and categories as
            // they are (the closing control reads staff A among the category's assignees)
            StaffVersion = staffA.Version == 0 ? 1u : 0u,
            CategoryVersion = await db.Set<Category>().Where(c => c.Id == ticket.CategoryId).Select(c => c.Version).SingleAsync(),
            ProductVersion = product.Version,
            Now = fixture.Clock.GetUtcNow().UtcDateTime,
            BrandId = await db.Set<AdminPortal.Features.Creators.Brand>().OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            VendorId = await db.Set<AdminPortal.Features.Vendors.Vendor>().OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(),
        };
    }

    /// <summary>The arguments for <paramref name="method"/> called by <paramref name="principal"/> (user id or none).</summary>
    public object?[] For(MethodInfo method, ClaimsPrincipal principal) =>
        method.GetParameters().Select(p => Value(p.ParameterType, p.Name ?? "", principal, p)).ToArray();

    private object? Value(Type type, string name, ClaimsPrincipal principal, ParameterInfo? parameter = null)
    {
        if (type == typeof(ClaimsPrincipal))
            return principal;
        if (type == typeof(CancellationToken))
            return CancellationToken.None;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        var key = name.ToLowerInvariant();
        if (plain == typeof(int))
            return key switch
            {
                "id" when parameter?.Member.DeclaringType?.Namespace?.Contains(".Users") == true => TargetUserId,
                "id" when parameter?.Member.DeclaringType?.Namespace?.Contains(".Team") == true => StaffId,
                "id" or "ticketid" => TicketId,
                "categoryid" => CategoryId,
                "brandid" => BrandId,
                "vendorid" => VendorId,
                "currentid" => 1,
                "sourceid" => 1,
                "targetid" => 2,
                "days" => 7,
                "subcategoryid" => SubcategoryId,
                "studentuserid" => StudentUserId,
                "staffid" => StaffId,
                "userid" => TargetUserId,
                "actorid" => principal.UserId() ?? 0,
                "userroleid" => TargetUserRoleId,
                "slahours" => 24,
                "level" or "priority" or "page" or "position" or "step" => 1,
                "take" or "size" or "pagesize" => 10,
                "tokenid" => 1,
                "scopeid" => 1,
                _ when parameter is { HasDefaultValue: true } => parameter.DefaultValue,
                _ => Nullable.GetUnderlyingType(type) is not null ? null : throw Unknown(type, name),
            };
        if (plain == typeof(uint))
            return key switch
            {
                "version" or "expectedversion" when parameter?.Member.DeclaringType?.Namespace?.Contains(".Users") == true => UserVersion,
                "version" or "expectedversion" when parameter?.Member.DeclaringType?.Name is "CategoryAdmin" or "CategoryCatalogue" => CategoryVersion,
                "version" when parameter?.Member.DeclaringType?.Namespace?.Contains(".Team") == true => StaffVersion,
                "version" or "expectedversion" when parameter?.Member.DeclaringType?.Namespace?.Contains(".Products") == true => ProductVersion,
                "version" or "expectedversion" => TicketVersion,
                _ => throw Unknown(type, name),
            };
        if (plain == typeof(long))
            return null;   // notification ids: null is "all of mine"
        if (plain == typeof(Guid))
            return key switch
            {
                "groupid" => GroupId,
                "messageid" => MessageId,
                "tokenid" => Nullable.GetUnderlyingType(type) is not null ? null : Guid.NewGuid(),
                _ => throw Unknown(type, name),
            };
        if (plain == typeof(bool))
            return false;
        if (plain == typeof(DateTime))
            return Now;
        if (plain == typeof(DateOnly))
            return DateOnly.FromDateTime(Now);
        if (type == typeof(TimeZoneInfo))
            return TimeZoneInfo.Utc;
        if (plain == typeof(double))
            return null;
        if (plain == typeof(string))
            return key switch
            {
                "id" or "productid" => ProductId,
                "rollno" => RollNo,
                "reason" or "note" => Reason,
                // the app bar's search for hostel A's ticket by its number: staff B must find nothing
                "text" when parameter?.Member.DeclaringType?.Name == "GlobalSearch" => "#" + TicketId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "term" or "text" => "a",
                "body" => "A reply from the security suite.",
                "name" => "Caller matrix view",
                "title" => "Caller matrix ticket",
                "description" => "Raised by the security suite.",
                "mediapath" => parameter?.Member.DeclaringType?.Name == "ChatMediaScope" ? ChatPhoto : TicketPhoto,
                "email" => "caller.matrix@example.org",
                "phone" => null,
                "role" => PortalRoles.Staff,
                "domain" => ScopeDomains.Hostel,
                _ => Nullable.GetUnderlyingType(type) is null && parameter is { HasDefaultValue: true } ? parameter.DefaultValue : "x",
            };
        if (plain.IsEnum)
            return plain == typeof(Permission) ? Permission.TriageTickets
                : plain == typeof(TicketStatus) ? TicketStatus.InProgress
                : Enum.GetValues(plain).GetValue(0);
        if (type == typeof(ChatAccessGrant))   // forged: a grant this circuit never issued
            return new ChatAccessGrant(Guid.NewGuid(), principal.UserId() ?? 0, GroupId, Now, Reason);
        if (plain == typeof(AdminPortal.Features.Chats.Group.MessageCursor))
            return Nullable.GetUnderlyingType(type) is not null || parameter?.HasDefaultValue == true ? null : new AdminPortal.Features.Chats.Group.MessageCursor(Now, MessageId);
        if (plain == typeof(AdminPortal.Features.Users.User.AuditCursor))
            return null;
        if (type == typeof(IReadOnlyCollection<Guid>))
            return new List<Guid> { MessageId };
        if (type == typeof(IReadOnlyList<TicketRef>))
            return new List<TicketRef> { new(TicketId, "t") };
        if (type == typeof(IReadOnlyDictionary<string, bool>))   // notification preferences: no switch changed
            return new Dictionary<string, bool>();
        if (type == typeof(IReadOnlyList<string>))
            return new List<string> { ProductId };
        if (type == typeof(IReadOnlyList<RoleAssignments.Grant>))
            return new List<RoleAssignments.Grant> { new(PortalRoles.Staff, ScopeDomains.Hostel, 1) };
        if (type == typeof(ProfileEdits.Form))
            return new ProfileEdits.Form { Name = "Milan Moderator", Email = "moderator2@adminportal.demo" };
        if (key == "allmatching")
            return null;
        if (plain.IsClass && plain.Namespace?.StartsWith("AdminPortal", StringComparison.Ordinal) == true)
            return Build(plain, principal);
        throw Unknown(type, name);
    }

    /// <summary>A record or class of the portal: its parameterless constructor, else its widest one with values by name.</summary>
    private object Build(Type type, ClaimsPrincipal principal)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } empty)
            return empty.Invoke([]);
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return ctor.Invoke(ctor.GetParameters().Select(p => p.HasDefaultValue && !Named(p)
            ? p.DefaultValue : Value(p.ParameterType, p.Name ?? "", principal, p)).ToArray());
    }

    // parameters of records that are worth filling even though they have a default
    private static bool Named(ParameterInfo p) => p.Name is "ProductIds" or "Reason" or "Description" or "Email" or "Name";

    private static InvalidOperationException Unknown(Type type, string name) =>
        new($"ServiceCallArguments cannot fill a parameter {type.Name} {name}: add a value for it.");
}
