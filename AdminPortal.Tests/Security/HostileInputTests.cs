using System.Security.Claims;
using AdminPortal.Features.Brands;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Notifications.Preferences;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Creators.Influencers;
using AdminPortal.Features.Vendors;
using AdminPortal.Features.Vendors.List;
using AdminPortal.Features.Vendors.Subscriptions;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.List;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Features.Team;
using AdminPortal.Features.Team.List;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Categories;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.List;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using FsCheck;
using Outcome = AdminPortal.Shared.Outcome;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Property-based hostile input (issue 20, the suite's third bullet): every form and action that takes text gets the
/// hostile catalogue (<see cref="HostileText.Catalogue"/>: empty, 10,000 characters, NUL, control characters, a lone
/// surrogate, right-to-left overrides, emoji, SQL and HTML/script fragments) and FsCheck's mixtures of them with
/// ordinary text. Each call, as the admin with every other input valid: no exception; a value the text rule refuses is
/// refused on its field (Outcome.Refused naming it) and not stored; a value that is done was valid. After each form,
/// no text column of any table holds a control character (other than line breaks and tabs).
/// </summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class HostileInputTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>How many FsCheck mixtures each form gets on top of the catalogue.</summary>
    private const int Generated = 25;

    /// <param name="Field">The field a refusal must name; null for text that is only searched with (never stored).</param>
    /// <param name="Valid">Whether the form's rule accepts the value (a value it refuses must be refused).</param>
    private sealed record Form(string Name, string? Field, Func<string, bool> Valid, Func<AsyncServiceScope, string, Task<object?>> Act);

    private ServiceCallArguments _args = null!;
    private ClaimsPrincipal _admin = null!;

    [Fact]
    public async Task Every_text_form_refuses_hostile_values_on_their_field_and_stores_nothing_invalid()
    {
        await Fixture.SeedDemoAsync();
        await using (var db = await Fixture.CreateDbContextAsync())
            _admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier,
                (await db.Users.SingleAsync(u => u.Email == "admin@adminportal.demo")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
        await using (var resolve = Scope())
        await using (var db = await Fixture.CreateDbContextAsync())
            _args = await ServiceCallArguments.PrepareAsync(Fixture, await resolve.ServiceProvider.GetRequiredService<ActorResolver>()
                .ResolveAsync((await db.Users.SingleAsync(u => u.Email == "staff.b@adminportal.demo")).Id));

        var failures = new List<string>();
        var calls = 0;
        foreach (var form in Forms())
        {
            var values = HostileText.Catalogue.ToList();
            values.AddRange(Gen.Sample(HostileText.Mixtures(), Generated));   // FsCheck's mixtures, new ones every run
            foreach (var value in values)
            {
                calls++;
                if (await ProblemAsync(form, value) is { } problem)
                    failures.Add($"{form.Name} with {HostileText.Show(value)}: {problem}");
            }
            foreach (var column in await ColumnsWithControlCharactersAsync())
                failures.Add($"{form.Name}: a control character was stored in {column}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls wrong:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(Forms().Count * (HostileText.Catalogue.Count + Generated), calls);
    }

    /// <summary>A generated property as FsCheck runs it (shrinking on): the one text rule never lets through what it
    /// refuses, never throws, and what it stores is normalised and within the limit.</summary>
    [Fact]
    public void The_text_rule_holds_for_any_hostile_text()
    {
        var rule = new TextRule("f", "The field", 255);
        Prop.ForAll(HostileText.Mixtures().ToArbitrary(), value =>
        {
            var result = rule.Check(value);
            return result.Ok
                ? result.Value is null || (result.Value.Length <= 255 && TextRules.CharacterProblem(result.Value, false) is null
                                           && result.Value == result.Value.Trim())
                : result.Value is null && result.Problem!.StartsWith("The field", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    private async Task<string?> ProblemAsync(Form form, string value)
    {
        await using var scope = Scope();
        object? result;
        try
        {
            result = await form.Act(scope, value);
        }
        catch (Exception ex)
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
        if (form.Field is null)
            return null;   // only searched with: not throwing is the property
        var outcome = result as Outcome ?? throw new InvalidOperationException($"{form.Name} returned no outcome");
        if (!form.Valid(value))
            return outcome.Kind == OutcomeKind.Refused && outcome.Field == form.Field && outcome.Message.Length > 0
                ? null : $"expected a refusal on {form.Field}, got {outcome.Kind} on {outcome.Field ?? "no field"} ({outcome.Message})";
        return outcome.Kind == OutcomeKind.Denied ? $"denied ({outcome.Message})" : null;
    }

    private static T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private static bool Line(string? v, int max, bool required = true) =>
        new TextRule("f", "f", max, Required: required).Check(v).Ok;

    private static bool Lines(string? v, int max, bool required = true) =>
        new TextRule("f", "f", max, MultiLine: true, Required: required).Check(v).Ok;

    private List<Form> Forms() =>
    [
        new("new ticket: title", TicketIntake.Fields.Title, v => Line(v, 255),
            async (s, v) => await Get<TicketIntake>(s).CreateAsync(_admin, new NewTicket(_args.StudentUserId, _args.CategoryId, null, v, null))),
        new("new ticket: description", TicketIntake.Fields.Description, v => Lines(v, 5000, required: false),
            async (s, v) => await Get<TicketIntake>(s).CreateAsync(_admin, new NewTicket(_args.StudentUserId, _args.CategoryId, null, "Leaking tap", v))),
        new("new ticket: location", TicketIntake.Fields.Location, v => Line(v, 255, required: false),
            async (s, v) => await Get<TicketIntake>(s).CreateAsync(_admin, new NewTicket(_args.StudentUserId, _args.CategoryId, null, "Leaking tap", null, v))),
        new("new ticket: roll number", TicketIntake.Fields.Student, v => Line(v, 32) && TextRules.Normalize(v) == _args.RollNo,
            async (s, v) => await Get<TicketIntake>(s).CreateForRollNoAsync(_admin, v, _args.CategoryId, null, "Leaking tap", null)),
        new("ticket: comment", TicketFields.Comment, v => Lines(v, TicketActions.MaxCommentLength),
            async (s, v) => await Get<TicketActions>(s).CommentAsync(_admin, _args.TicketId, v, isInternal: true)),
        new("ticket: status note", TicketFields.Note, v => Lines(v, TicketActions.MaxCommentLength, required: false),
            async (s, v) => await Get<TicketActions>(s).ChangeStatusAsync(_admin, await NewTicketAsync(s), null, AdminPortal.Features.Tickets.Model.TicketStatus.InProgress, v)),
        new("ticket: escalation reason", TicketFields.Reason, v => TicketActions.EscalateReason.Problem(v) is null,
            async (s, v) => await Get<TicketActions>(s).EscalateAsync(_admin, await NewTicketAsync(s), null, v)),
        new("saved view: name", SavedViews.NameField, v => Line(v, SavedViews.MaxNameLength),
            async (s, v) => await Get<SavedViews>(s).SaveAsync(_admin, v, new TicketQueueQuery())),
        .. new[] { "Name", "Email", "Phone", "City", "Profession", "ContactNumberCountryCode" }.Select(field =>
            new Form($"user profile: {field}", field, v => ProfileValid(field, v), (s, v) => SaveProfileAsync(s, field, v))),
        new("new staff: email", "email", v => UserInputRules.Email(v) is null,
            async (s, v) => await Get<StaffAccounts>(s).CreateAsync(_admin, new StaffAccounts.Input(v, "New Staff", null, StaffRole))),
        new("new staff: name", "name", v => UserInputRules.Name(v) is null,
            async (s, v) => await Get<StaffAccounts>(s).CreateAsync(_admin, new StaffAccounts.Input(UniqueEmail(), v, null, StaffRole))),
        new("new staff: phone", "phone", v => UserInputRules.Phone(v) is null,
            async (s, v) => await Get<StaffAccounts>(s).CreateAsync(_admin, new StaffAccounts.Input(UniqueEmail(), "New Staff", v, StaffRole))),
        new("role grant: reason", "reason", v => RoleAssignments.RoleReason.Problem(v) is null,
            async (s, v) => await Get<RoleAssignments>(s).GrantAsync(_admin, _args.TargetUserId, new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Hostel, 1), v)),
        new("account action: reason", "reason", v => UserStatusActions.AccountReason.Problem(v) is null,
            async (s, v) => await Get<UserStatusActions>(s).VerifyAsync(_admin, _args.TargetUserId, await UserVersionAsync(), v)),
        new("chat opening: reason", ChatAccess.ReasonField, v => ChatAccess.OpenReason.Problem(v) is null,
            async (s, v) => await Get<ChatAccess>(s).OpenAsync(_admin, _args.GroupId, v)),
        new("chat moderation: hide reason", ChatAccess.ReasonField, v => MessageModeration.HideReason.Problem(v) is null,
            async (s, v) => await Get<MessageModeration>(s).HideAsync(await GrantAsync(s), _args.MessageId, v)),
        new("product decision: reject reason", "Reason", v => ProductModeration.RejectReason.Problem(v) is null,
            async (s, v) => await Get<ProductModeration>(s).DecideAsync(_admin, new ProductDecision(_args.ProductId, ModerationAction.Reject, null, v))),
        new("product edits: title", "Title", v => !string.IsNullOrWhiteSpace(v) && ProductEdits.TitleRule.Check(v).Ok,
            async (s, v) => await Get<ProductModeration>(s).DecideAsync(_admin, new ProductDecision(_args.ProductId, ModerationAction.Edit, null, null,
                new ProductEdits(v, "A plain description.", Cause.GriefCare, 100, 90)))),
        new("product edits: description", "Description", v => !string.IsNullOrWhiteSpace(v) && ProductEdits.DescriptionRule.Check(v).Ok,
            async (s, v) => await Get<ProductModeration>(s).DecideAsync(_admin, new ProductDecision(_args.ProductId, ModerationAction.Edit, null, null,
                new ProductEdits("A plain title", v, Cause.GriefCare, 100, 90)))),
        new("category: new name", CategoryCatalogue.NameField, v => Line(v, 120),
            async (s, v) => await Get<CategoryCatalogue>(s).CreateAsync(_admin, v, 24)),
        new("category: rename", CategoryCatalogue.NameField, v => Line(v, 120),
            async (s, v) => { var (id, version) = await NewCategoryAsync(s); return await Get<CategoryCatalogue>(s).RenameAsync(_admin, id, version, v); }),
        new("subcategory: new name", CategoryCatalogue.NameField, v => Line(v, 120),
            async (s, v) => await Get<CategoryCatalogue>(s).CreateSubcategoryAsync(_admin, _args.CategoryId, v)),
        new("category: deactivation reason", CategoryCatalogue.ReasonField, v => CategoryCatalogue.Reason.Problem(v) is null,
            async (s, v) => { var (id, version) = await NewCategoryAsync(s); return await Get<CategoryCatalogue>(s).DeactivateAsync(_admin, id, version, OpenTicketsChoice.Stay, null, v); }),
        new("staff: away reason", StaffProfiles.ReasonField, v => StaffProfiles.Reason.Problem(v) is null,
            async (s, v) => await Get<StaffProfiles>(s).SetActiveAsync(_admin, _args.StaffId, await StaffVersionAsync(), false, true, v)),
        // the notification preferences form: its switches come back by key; a hostile key is refused on its field
        new("notification preferences: event", NotificationPreferences.EventsField, v => NotificationEvents.Find(v) is not null,
            async (s, v) => await Get<NotificationPreferences>(s).SaveAsync(_admin, new PreferencesInput(
                new Dictionary<string, bool> { [v] = false }, new Dictionary<string, bool>()))),
        new("notification preferences: channel", NotificationPreferences.ChannelsField, v => NotificationChannels.All.Any(c => c.Key == v),
            async (s, v) => await Get<NotificationPreferences>(s).SaveAsync(_admin, new PreferencesInput(
                new Dictionary<string, bool>(), new Dictionary<string, bool> { [v] = true }))),
        new("staff list: search", null, _ => true, async (s, v) => await Get<StaffQueryService>(s).GetPageAsync(_admin, new StaffListQuery { Search = v })),
        new("brand document: reject reason", "Reason", v => BrandVerification.RejectReason.Problem(TextRules.Normalize(v)) is null,
            async (s, v) => await Get<BrandVerification>(s).DecideAsync(_admin, new BrandDocumentDecision(_args.BrandId, BrandDocument.Gst, false, v))),
        new("vendor: close reason", "Reason", v => VendorActions.Reason.Problem(v) is null,
            async (s, v) => await Get<VendorActions>(s).CloseAsync(_admin, _args.VendorId, await VersionAsync<Vendor>(_args.VendorId), v)),
        new("subscription: extend reason", "Reason", v => SubscriptionActions.Reason.Problem(v) is null,
            async (s, v) => await Get<SubscriptionActions>(s).ExtendAsync(_admin, await FirstIdAsync<Subscription>(), 0, 30, v)),
        new("influencer: deactivate reason", "Reason", v => InfluencerActions.Reason.Problem(v) is null,
            async (s, v) => await Get<InfluencerActions>(s).DeactivateAsync(_admin, await FirstIdAsync<Influencer>(), 0, v)),
        new("influencer: invalidate codes reason", "Reason", v => InfluencerActions.Reason.Problem(v) is null,
            async (s, v) => await Get<InfluencerActions>(s).InvalidateOtpsAsync(_admin, await FirstIdAsync<Influencer>(), v)),
        new("niche: name", "Name", v => NicheFields.NameRule.Check(v).Ok,
            async (s, v) => await Get<NicheCatalogue>(s).CreateAsync(_admin, new NicheFields(v, null, null))),
        new("niche: icon", "Icon", v => NicheFields.IconRule.Check(v).Ok,
            async (s, v) => await Get<NicheCatalogue>(s).CreateAsync(_admin, new NicheFields(UniqueNiche(), v, null))),
        new("niche: description", "Description", v => NicheFields.DescriptionRule.Check(v).Ok,
            async (s, v) => await Get<NicheCatalogue>(s).CreateAsync(_admin, new NicheFields(UniqueNiche(), null, v))),
        new("niche: retire reason", "Reason", v => NicheCatalogue.Reason.Problem(v) is null,
            async (s, v) => await Get<NicheCatalogue>(s).RetireAsync(_admin, await FirstIdAsync<Niche>(), 0, v)),
        // searched with, never stored: the property is that nothing throws
        new("brands: search", null, _ => true, async (s, v) => await Get<BrandQueryService>(s).GetPageAsync(_admin, BrandQueueQuery.Default with { Search = v })),
        new("vendors: search", null, _ => true, async (s, v) => await Get<VendorQueryService>(s).GetPageAsync(_admin, VendorListQuery.Default with { Search = v })),
        new("subscriptions: search", null, _ => true,
            async (s, v) => await Get<SubscriptionQueryService>(s).GetPageAsync(_admin, SubscriptionListQuery.Default with { Search = v })),
        new("influencers: search", null, _ => true,
            async (s, v) => await Get<InfluencerQueryService>(s).GetPageAsync(_admin, InfluencerListQuery.Default with { Search = v })),
        new("chat list: member search", null, _ => true, async (s, v) => await Get<GroupQueryService>(s).FindUsersAsync(_admin, v)),
        new("chat list: product search", null, _ => true, async (s, v) => await Get<GroupQueryService>(s).FindProductsAsync(_admin, v)),
        new("chat list: name search", null, _ => true, async (s, v) => await Get<GroupQueryService>(s).ListAsync(_admin, new ChatListQuery(Search: v))),
        new("chat: message search", null, _ => true, async (s, v) => await Get<MessageQueryService>(s).SearchAsync(await GrantAsync(s), v)),
        new("products: vendor search", null, _ => true, async (s, v) => await Get<ProductQueryService>(s).SearchVendorsAsync(_admin, v)),
        new("users: search", null, _ => true, async (s, v) => await Get<UserQueryService>(s).ListAsync(_admin, new UserListQuery(Search: v, PageSize: 10))),
        new("app bar: search everything", null, _ => true, async (s, v) => await Get<AdminPortal.Features.Search.IGlobalSearch>(s).SearchAsync(_admin, v)),
        new("outbox: discard reason", "Reason", v => AdminPortal.Features.Operations.OutboxConsole.Reason.Problem(v) is null,
            async (s, v) => await DiscardNewOutboxEventAsync(s, v)),
    ];

    /// <summary>A failed outbox event made for one call, discarded with the reason given.</summary>
    private async Task<object?> DiscardNewOutboxEventAsync(AsyncServiceScope s, string reason)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var row = (await db.Database.SqlQueryRaw<OutboxKey>("""
            INSERT INTO helpdesk.outbox (event_type, payload, attempts, last_error) VALUES ('ticket.assigned', jsonb_build_object('ticket_id', 1), 5, 'boom')
            RETURNING id, xmin::text::bigint AS version
            """).ToListAsync()).Single();
        return await Get<AdminPortal.Features.Operations.OutboxConsole>(s).DiscardAsync(_admin, row.Id, (uint)row.Version, reason);
    }

    private sealed record OutboxKey(long Id, long Version);

    private static readonly IReadOnlyList<RoleAssignments.Grant> StaffRole = [new(PortalRoles.Staff, ScopeDomains.Hostel, 1)];

    private static string UniqueNiche() => $"Niche {Guid.NewGuid():N}"[..20];

    private async Task<int> FirstIdAsync<T>() where T : class
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Set<T>().OrderBy(e => EF.Property<int>(e, "Id")).Select(e => EF.Property<int>(e, "Id")).FirstAsync();
    }

    private async Task<uint> VersionAsync<T>(int id) where T : class
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Set<T>().Where(e => EF.Property<int>(e, "Id") == id).Select(e => EF.Property<uint>(e, "Version")).SingleAsync();
    }

    private static string UniqueEmail() => $"staff.{Guid.NewGuid():N}@example.org";

    private static bool ProfileValid(string field, string v) => field switch
    {
        "Name" => UserInputRules.Name(v) is null,
        "Email" => UserInputRules.Email(v) is null,
        "Phone" => UserInputRules.Phone(v) is null,
        "ContactNumberCountryCode" => UserInputRules.CountryCode(v) is null,
        _ => UserInputRules.ShortText(v, "x") is null,
    };

    private async Task<object?> SaveProfileAsync(AsyncServiceScope s, string field, string value)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == _args.TargetUserId);
        var form = ProfileEdits.Form.Of(user);
        typeof(ProfileEdits.Form).GetProperty(field)!.SetValue(form, value);
        return await Get<ProfileEdits>(s).SaveAsync(_admin, user.Id, user.Version, form);
    }

    private async Task<(int Id, uint Version)> NewCategoryAsync(AsyncServiceScope s)
    {
        var id = (await Get<CategoryCatalogue>(s).CreateAsync(_admin, $"Hostile {Guid.NewGuid():N}", 24)).Value;
        await using var db = await Fixture.CreateDbContextAsync();
        return (id, await db.Set<AdminPortal.Features.Tickets.Model.Category>().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
    }

    private async Task<uint> StaffVersionAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Set<AdminPortal.Features.Tickets.Model.Staff>().Where(x => x.Id == _args.StaffId).Select(x => x.Version).SingleAsync();
    }

    private async Task<uint> UserVersionAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == _args.TargetUserId).Select(u => u.Version).SingleAsync();
    }

    private async Task<int> NewTicketAsync(AsyncServiceScope s)
    {
        var created = await Get<TicketIntake>(s).CreateAsync(_admin, new NewTicket(_args.StudentUserId, _args.CategoryId, null, "Fan not working", null));
        return created.Value;
    }

    private async Task<ChatAccessGrant> GrantAsync(AsyncServiceScope s) =>
        (await Get<ChatAccess>(s).OpenAsync(_admin, _args.GroupId, "Checking a reported message.")).Value!;

    /// <summary>Every text column holding a control character other than a line break or a tab, as schema.table.column.</summary>
    private async Task<List<string>> ColumnsWithControlCharactersAsync()
    {
        await using var db = new NpgsqlConnection(Fixture.ConnectionString);
        await db.OpenAsync();
        var columns = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT format('%I.%I', table_schema, table_name), quote_ident(column_name) FROM information_schema.columns
            WHERE data_type IN ('text', 'character varying') AND table_schema NOT IN ('pg_catalog', 'information_schema')
              AND table_name NOT LIKE '\_\_%'
            """, db))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                columns.Add($"{reader.GetString(0)}|{reader.GetString(1)}");
        var found = new List<string>();
        foreach (var entry in columns)
        {
            var (table, column) = (entry.Split('|')[0], entry.Split('|')[1]);
            await using var cmd = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]')", db);
            if ((bool)(await cmd.ExecuteScalarAsync())!)
                found.Add($"{table}.{column}");
        }
        return found;
    }
}
