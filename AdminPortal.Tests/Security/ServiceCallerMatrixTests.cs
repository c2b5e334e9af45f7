using System.Collections;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using P = AdminPortal.Security.Permission;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Every service checks its caller (issue 20, item 7 and the suite's second bullet). Every public method of every
/// feature service the portal registers in DI (found by reflection over the service collection) is called as
/// anonymous, Admin, Moderator, Staff in scope (staff A, hostel A) and Staff out of scope (staff B, hostel B), with
/// arguments pointing at real demo rows of hostel A (<see cref="ServiceCallArguments"/>). A caller without the
/// permission must be refused (<see cref="AccessDeniedException"/> or <see cref="OutcomeKind.Denied"/>); staff B on
/// a scoped method must get nothing of hostel A (denied, not found, refused, empty, or data without the hostel-A
/// marker); and no refused call may change anything (every table's fingerprint, audit rows other than "denied"
/// records). Allowed callers must not be refused. A new public method fails <see cref="Every_feature_service_method_is_in_the_matrix"/>
/// until it is given its rule here, and then the matrix checks the rule holds.
/// </summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class ServiceCallerMatrixTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public enum Who { Anonymous, Moderator, StaffOutOfScope, StaffInScope, Admin }

    /// <param name="AnyOf">The permissions any one of which lets a caller in.</param>
    /// <param name="Scoped">Hostel/category scope applies: staff B must not reach hostel A's rows.</param>
    /// <param name="GrantBound">Needs a chat grant issued by this circuit: a forged grant is refused for everyone.</param>
    /// <param name="OwnData">Reads or marks only the caller's own rows (by the signed-in id): anonymous gets nothing.</param>
    private sealed record Rule(P[] AnyOf, bool Scoped = false, bool GrantBound = false, bool OwnData = false);

    private static Rule Needs(params P[] anyOf) => new(anyOf);
    private static Rule InScope(params P[] anyOf) => new(anyOf, Scoped: true);
    private static Rule WithGrant(P permission) => new([permission], GrantBound: true);

    /// <summary>Each public method of a feature service and who may call it. Type.Method; overloads share a rule.</summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        // chats: the list and its filters, the reason gate, messages behind it, moderation, media
        ["GroupQueryService.ListAsync"] = Needs(P.BrowseChats),
        ["GroupQueryService.FindUsersAsync"] = Needs(P.BrowseChats),
        ["GroupQueryService.FindProductsAsync"] = Needs(P.BrowseChats),
        ["GroupQueryService.UserAsync"] = Needs(P.BrowseChats),
        ["GroupQueryService.ProductAsync"] = Needs(P.BrowseChats),
        ["ChatGroupQueryService.HeaderAsync"] = Needs(P.BrowseChats),
        ["ChatAccess.OpenAsync"] = Needs(P.BrowseChats),
        ["ChatAccess.VerifyAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.OlderAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.NewerAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.ByIdsAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.AroundAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.FromDateAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.SearchAsync"] = WithGrant(P.BrowseChats),
        ["MessageQueryService.ReceiptsAsync"] = WithGrant(P.BrowseChats),
        ["MessageModeration.HideAsync"] = WithGrant(P.HideMessages),
        ["MessageModeration.UnhideAsync"] = WithGrant(P.HideMessages),
        // and then only after an audited opening of a chat holding the file (PrivateMediaTests)
        ["ChatMediaScope.AllowsAsync"] = Needs(P.BrowseChats),
        // products
        ["ProductQueryService.GetPageAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.GetPageAfterChangeAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.CountTabsAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.CountTabsAfterChangeAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.ReadAlreadyAfterChangeAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.SearchVendorsAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.FindVendorAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.GetDetailsAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.NeighbourAsync"] = Needs(P.ModerateProducts),
        ["ProductQueryService.PositionAsync"] = Needs(P.ModerateProducts),
        ["ProductModeration.DecideAsync"] = Needs(P.ModerateProducts),
        ["ProductModeration.DecideManyAsync"] = Needs(P.ModerateProducts),
        // tickets: everything that names a ticket, a student or a category is scoped
        ["TicketQueryService.ListAsync"] = InScope(P.TriageTickets),
        ["TicketDetailsService.GetAsync"] = InScope(P.TriageTickets),
        ["TicketDetailsService.AssigneesAsync"] = InScope(P.TriageTickets),
        ["TicketActions.TakeAsync"] = InScope(P.TriageTickets),
        ["TicketActions.AssignAsync"] = InScope(P.TriageTickets),
        ["TicketActions.ChangeStatusAsync"] = InScope(P.TriageTickets),
        ["TicketActions.EscalateAsync"] = InScope(P.TriageTickets),
        ["TicketActions.CommentAsync"] = InScope(P.TriageTickets),
        ["TicketActions.AssignManyAsync"] = InScope(P.TriageTickets),
        ["TicketActions.ChangeStatusManyAsync"] = InScope(P.TriageTickets),
        ["TicketIntake.StudentByRollNoAsync"] = InScope(P.TriageTickets),
        ["TicketIntake.CreateForRollNoAsync"] = InScope(P.TriageTickets),
        ["TicketIntake.CreateAsync"] = InScope(P.TriageTickets),
        ["TicketMediaScope.AllowsAsync"] = InScope(P.TriageTickets),
        ["TicketLookups.LoadAsync"] = Needs(P.TriageTickets, P.ManageCategories),
        ["SavedViews.ListAsync"] = Needs(P.TriageTickets),
        ["SavedViews.SaveAsync"] = Needs(P.TriageTickets),
        ["SavedViews.DeleteAsync"] = InScope(P.TriageTickets),   // someone else's view reads as not found
        ["CategoryAdmin.ListAsync"] = Needs(P.ManageCategories),
        ["CategoryAdmin.SetSlaAsync"] = Needs(P.ManageCategories),
        ["CategoryAdmin.SetSubcategorySlaAsync"] = Needs(P.ManageCategories),
        ["CategoryAdmin.SetAssigneeAsync"] = Needs(P.ManageCategories),
        ["CategoryAdmin.RemoveAssigneeAsync"] = Needs(P.ManageCategories),
        ["CategoryAdmin.SetRungAsync"] = Needs(P.ManageCategories),
        // the category catalogue (issue 18): create, rename, reorder, deactivate with the open tickets' fate
        ["CategoryCatalogue.OpenTicketsAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.CreateAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.CreateSubcategoryAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.RenameAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.RenameSubcategoryAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.MoveAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.MoveSubcategoryAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.DeactivateAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.ReactivateAsync"] = Needs(P.ManageCategories),
        ["CategoryCatalogue.SetSubcategoryActiveAsync"] = Needs(P.ManageCategories),
        // staff profiles (issue 18): the list, the page, capacity, categories, away and the hand-off
        ["StaffQueryService.GetPageAsync"] = Needs(P.ManageStaff),
        ["StaffQueryService.GetAsync"] = Needs(P.ManageStaff),
        ["StaffProfiles.PreviewHandOffAsync"] = Needs(P.ManageStaff),
        ["StaffProfiles.SetActiveAsync"] = Needs(P.ManageStaff),
        ["StaffProfiles.SetCapacityAsync"] = Needs(P.ManageStaff),
        ["StaffProfiles.SetCategoryAsync"] = Needs(P.ManageStaff),
        ["StaffProfiles.RemoveCategoryAsync"] = Needs(P.ManageStaff),
        // users and roles
        ["UserQueryService.ListAsync"] = Needs(P.ManageUsers),
        ["UserQueryService.RoleNamesAsync"] = Needs(P.ManageUsers),
        ["UserDetailQueries.DetailAsync"] = Needs(P.ManageUsers),
        ["UserDetailQueries.AuditAsync"] = Needs(P.ManageUsers),
        ["ScopeLookup.ScopesAsync"] = Needs(P.ManageUsers, P.ManageRoles),
        ["UserStatusActions.RunAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.VerifyAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.DeactivateAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.ReactivateAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.DeleteAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.RestoreAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.UnlockAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.ForcePasswordResetAsync"] = Needs(P.ManageUsers),
        ["UserStatusActions.ResetTwoFactorAsync"] = Needs(P.ManageUsers),
        ["RoleAssignments.GrantAsync"] = Needs(P.ManageRoles),
        ["RoleAssignments.RevokeAsync"] = Needs(P.ManageRoles),
        ["SessionActions.RevokeRefreshTokenAsync"] = Needs(P.ManageUsers),
        ["SessionActions.RevokeLoginTokenAsync"] = Needs(P.ManageUsers),
        ["ProfileEdits.SaveAsync"] = Needs(P.ManageUsers),
        ["StaffAccounts.CreateAsync"] = Needs(P.ManageUsers),
        ["AccessReport.WhoCanAsync"] = Needs(P.ManageUsers),
        ["AccessReport.PermissionsOfAsync"] = Needs(P.ManageUsers),
        // the dashboard and the reports (issue 16): figures in the viewer's scope
        ["AdminFigures.UserTilesAsync"] = Needs(P.ManageUsers),
        ["AdminFigures.HealthTilesAsync"] = Needs(P.ManageUsers),
        ["AdminFigures.ChartsAsync"] = Needs(P.ManageUsers),
        ["ModerationFigures.TilesAsync"] = Needs(P.ModerateProducts),
        ["ModerationFigures.ChartsAsync"] = Needs(P.ModerateProducts),
        ["TicketFigures.TilesAsync"] = InScope(P.TriageTickets),
        ["TicketFigures.ChartsAsync"] = InScope(P.TriageTickets),
        ["ReportService.ReadAsync"] = InScope(P.TriageTickets),   // the first report kind (turnaround by hostel)
        // the audit log (issue 18)
        ["AuditLogQueryService.ReadAsync"] = Needs(P.ReadAuditLog),
        // the outbox and the workers (/system), and the app bar's search (each kind by its own permission, tickets scoped)
        ["SystemQueryService.OutboxAsync"] = Needs(P.OperateSystem),
        ["SystemQueryService.WorkersAsync"] = Needs(P.OperateSystem),
        ["OutboxConsole.RetryAsync"] = Needs(P.OperateSystem),
        ["OutboxConsole.DiscardAsync"] = Needs(P.OperateSystem),
        ["GlobalSearch.SearchAsync"] = InScope(P.TriageTickets, P.ManageUsers, P.ModerateProducts, P.BrowseChats, P.ManageVendors, P.VerifyBrands),
        // Cloutsy brands and Venta vendors, subscriptions (issue 17)
        ["BrandQueryService.GetPageAsync"] = Needs(P.VerifyBrands),
        ["BrandQueryService.CountStatesAsync"] = Needs(P.VerifyBrands),
        ["BrandQueryService.NichesAsync"] = Needs(P.VerifyBrands),
        ["BrandQueryService.GetDetailsAsync"] = Needs(P.VerifyBrands),
        ["BrandQueryService.NeighbourAsync"] = Needs(P.VerifyBrands),
        ["BrandVerification.DecideAsync"] = Needs(P.VerifyBrands),
        ["BrandMediaScope.AllowsAsync"] = Needs(P.VerifyBrands),
        ["VendorQueryService.GetPageAsync"] = Needs(P.ManageVendors),
        ["VendorDetailsService.GetAsync"] = Needs(P.ManageVendors),
        ["VendorActions.CloseAsync"] = Needs(P.ManageVendors),
        ["VendorActions.ReopenAsync"] = Needs(P.ManageVendors),
        ["SubscriptionQueryService.GetPageAsync"] = Needs(P.ManageSubscriptions),
        ["SubscriptionQueryService.ExpiryRecordAsync"] = Needs(P.ManageSubscriptions),
        ["SubscriptionActions.ExtendAsync"] = Needs(P.ManageSubscriptions),
        ["SubscriptionActions.CancelAsync"] = Needs(P.ManageSubscriptions),
        ["InfluencerActions.DeactivateAsync"] = Needs(P.ManageCreators),
        ["InfluencerActions.InvalidateOtpsAsync"] = Needs(P.ManageCreators),
        ["InfluencerActions.ReactivateAsync"] = Needs(P.ManageCreators),
        ["InfluencerQueryService.GetAsync"] = Needs(P.ManageCreators),
        ["InfluencerQueryService.GetPageAsync"] = Needs(P.ManageCreators),
        ["NicheCatalogue.CreateAsync"] = Needs(P.ManageCreators),
        ["NicheCatalogue.EditAsync"] = Needs(P.ManageCreators),
        ["NicheCatalogue.MergeAsync"] = Needs(P.ManageCreators),
        ["NicheCatalogue.ReactivateAsync"] = Needs(P.ManageCreators),
        ["NicheCatalogue.RetireAsync"] = Needs(P.ManageCreators),
        ["NicheQueryService.ListAsync"] = Needs(P.ManageCreators),
        // the bell: the signed-in person's own notifications, whatever their role
        ["NotificationFeed.ListAsync"] = new([], OwnData: true),
        ["NotificationFeed.MarkReadAsync"] = new([], OwnData: true),
        // the notification centre and preferences (issue 18): one's own, bound to the caller's id read from the database
        ["NotificationCentre.PageAsync"] = Needs(P.ViewDashboard),
        ["NotificationCentre.MarkAsync"] = Needs(P.ViewDashboard),
        ["NotificationCentre.MarkAllReadAsync"] = Needs(P.ViewDashboard),
        ["NotificationPreferences.ReadAsync"] = Needs(P.ViewDashboard),
        ["NotificationPreferences.SaveAsync"] = Needs(P.ViewDashboard),
        ["ReviewVisits.OpenedAsync"] = Needs(P.ModerateProducts),
    };

    /// <summary>
    /// The allow-list: public methods that legitimately check no caller, each with why. Keep it short; a method here is
    /// not called by the matrix.
    /// </summary>
    private const string SelfOnly = "acts on the PortalUser its page resolved from the signed-in principal (/account/security) or from the pending sign-in cookie (the second step, before any session exists): never a user named by input, so there is no other caller to check (SecondFactorTests)";

    private static readonly Dictionary<string, string> Open = new(StringComparer.Ordinal)
    {
        ["ChatAccess.Existing"] = "returns only a grant this circuit's own ChatAccess issued after OpenAsync checked the " +
                                  "caller and audited the reason; it reads nothing",
        ["ProfileEdits.Check"] = "pure validation of a form's values: reads and changes nothing (SaveAsync checks the caller)",
        ["TicketScope.ForAsync"] = "computes the scope of an actor its caller already resolved and checked; used by the " +
                                   "scoped services themselves, returns no ticket",
        ["TicketAccessLog.DeniedAsync"] = "records that an actor the calling service resolved was refused a ticket",
        ["EscalationWorker.RunOnceAsync"] = "the background escalation pass: no caller, runs as the system on a timer; " +
                                            "no page reaches it",
        ["OutboxDispatcher.RunOnceAsync"] = "the background notification dispatch: no caller, runs as the system",
        ["OutboxDispatcher.StartAsync"] = "the host starts the dispatcher (BackgroundService) and it subscribes to the change " +
                                          "feed to be woken; no page reaches it",
        ["OutboxDispatcher.StopAsync"] = "the host stops the dispatcher; no page reaches it",
        ["WaitingSuggestionsPass.RunOnceAsync"] = "the background waiting-suggestions pass: no caller, runs as the system " +
                                                  "once across instances; no page reaches it",
        ["EmailSender.SendAsync"] = "sends an e-mail the outbox dispatcher took from a row it claimed; no page reaches it",
        ["WorkerPassLog.RecordAsync"] = "the periodic workers' own record of a pass (PeriodicPass, at the end of each pass): " +
                                         "no caller, runs as the system; no page reaches it",
        ["SubscriptionExpiryPass.RunOnceAsync"] = "the background subscription expiry pass: no caller, runs as the system " +
                                                  "once across instances; no page reaches it",
        ["DashboardReader.ReadAllAsync"] = "the dashboard page's reads: resolves the caller (an inactive or deleted account " +
                                           "is refused) and reads only through ModerationFigures, TicketFigures and " +
                                           "AdminFigures, each of which checks the caller itself (rules above)",
        ["DashboardReader.ReadTilesAsync"] = "reads only through the figure services, which check the caller (rules above)",
        ["DashboardReader.ReadChartsAsync"] = "reads only through the figure services, which check the caller (rules above)",
        ["TicketQueryService.CountAsync"] = "counts with scope rules its caller already resolved (TicketScope.ForAsync) " +
                                            "inside a service that checked the caller; takes no principal",
        ["SecondFactors.AddPasskeyAsync"] = SelfOnly,
        ["SecondFactors.AuthenticatorSetupAsync"] = SelfOnly,
        ["SecondFactors.CheckCodeAsync"] = SelfOnly,
        ["SecondFactors.ConfirmAuthenticatorAsync"] = SelfOnly,
        ["SecondFactors.FailedAsync"] = SelfOnly,
        ["SecondFactors.NewRecoveryCodesAsync"] = SelfOnly,
        ["SecondFactors.RedeemRecoveryCodeAsync"] = SelfOnly,
        ["SecondFactors.RemoveAuthenticatorAsync"] = SelfOnly,
        ["SecondFactors.RemovePasskeyAsync"] = SelfOnly,
        ["SecondFactors.RenamePasskeyAsync"] = SelfOnly,
        ["SecondFactors.StatusAsync"] = SelfOnly,
        ["SecondStep.AfterPasswordAsync"] = "the sign-in flow itself: called by LoginAttempt after the password was checked, before any session exists",
        ["SecondStep.CompleteAsync"] = "the sign-in flow itself: called once the pending user proved a second factor",
        ["SecondStep.PendingAsync"] = "reads the pending sign-in cookie of this request: no other user is reachable",
        ["MfaPolicy.Requires"] = "pure policy: whether a set of roles must use a second factor; reads nothing else",
        ["MfaPolicy.RequiresAsync"] = "reads the roles of the user the sign-in flow is signing in; returns a yes or no",
        ["ProductQueueReads.Invalidate"] = "drops the instance's shared cached reads (the next read re-checks its caller)",
    };

    [Fact]
    public void Every_feature_service_method_is_in_the_matrix()
    {
        var found = Methods().Select(m => Key(m.Method)).ToHashSet(StringComparer.Ordinal);
        var missing = found.Where(k => !Rules.ContainsKey(k) && !Open.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Public service methods with no rule in ServiceCallerMatrixTests (give each " +
                                        "the permission it needs, or allow-list it with why):\n" + string.Join("\n", missing));
        var stale = Rules.Keys.Concat(Open.Keys).Where(k => !found.Contains(k)).Order().ToList();
        Assert.True(stale.Count == 0, "Rules for methods that no longer exist:\n" + string.Join("\n", stale));
        Assert.True(found.Count >= 80, $"only {found.Count} methods found: is the discovery broken?");
    }

    [Fact]
    public async Task Every_service_method_refuses_the_callers_it_should_and_changes_nothing_then()
    {
        await Fixture.SeedDemoAsync();
        var principals = await PrincipalsAsync();
        await using var resolveScope = Scope();
        var staffB = await resolveScope.ServiceProvider.GetRequiredService<ActorResolver>().ResolveAsync(principals[Who.StaffOutOfScope]);
        var args = await ServiceCallArguments.PrepareAsync(Fixture, staffB);

        var failures = new List<string>();
        foreach (var (_, method) in Methods().Where(m => Rules.ContainsKey(Key(m.Method))))
            try { args.For(method, principals[Who.Admin]); }
            catch (InvalidOperationException ex) { failures.Add($"{Key(method)}: {ex.Message}"); }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var (cells, refusals) = (0, 0);
        DatabaseFingerprint? fingerprint = null;
        var mark = await DatabaseFingerprint.WriteMarkAsync(Fixture.ConnectionString);
        foreach (var (service, method) in Methods().Where(m => Rules.ContainsKey(Key(m.Method))))
        {
            var rule = Rules[Key(method)];
            foreach (var who in Enum.GetValues<Who>())   // the refused callers first, the allowed ones after
            {
                cells++;
                var refused = MustBeRefused(rule, who);
                if (refused && fingerprint is null)
                    fingerprint = await DatabaseFingerprint.TakeAsync(Fixture.ConnectionString);
                var call = await CallAsync(service, method, args.For(method, principals[who]));
                var cell = $"{Key(method)} as {who}";
                var newMark = await DatabaseFingerprint.WriteMarkAsync(Fixture.ConnectionString);
                if (newMark != mark)
                {
                    if (refused)
                    {
                        var (tables, audit) = await DatabaseFingerprint.ChangesSinceAsync(fingerprint!, Fixture.ConnectionString);
                        if (tables.Count > 0)
                            failures.Add($"{cell}: refused, yet changed {string.Join(", ", tables)}");
                        if (audit.Any(a => a != TicketAccessLog.Action))
                            failures.Add($"{cell}: refused, yet audited {string.Join(", ", audit)}");
                    }
                    fingerprint = null;   // something was written (an allowed call, a denial record): take it again
                    mark = newMark;
                }
                if (refused)
                {
                    refusals++;
                    if (Problem(rule, who, call) is { } problem)
                        failures.Add($"{cell}: {problem}");
                }
                else if (call.Error is { } error && (error is not AccessDeniedException || !rule.GrantBound))
                    failures.Add($"{cell}: allowed, yet {error.GetType().Name}: {error.Message}");
                else if (call.Result is Outcome { Kind: OutcomeKind.Denied } denied && !rule.GrantBound)
                    failures.Add($"{cell}: allowed, yet denied ({denied.Message})");
            }
        }
        // the controls: staff A does see hostel A through the same arguments (else the out-of-scope checks prove nothing)
        var details = typeof(AdminPortal.Features.Tickets.TicketScreen.TicketDetailsService);
        foreach (var name in new[] { "GetAsync", "AssigneesAsync" })
        {
            var shown = await CallAsync(details, details.GetMethod(name)!, args.For(details.GetMethod(name)!, principals[Who.StaffInScope]));
            Assert.True(Json(shown.Result).Contains(ServiceCallArguments.Marker, StringComparison.Ordinal), $"staff A must see hostel A through {name}");
        }
        Assert.Equal(Rules.Count * Enum.GetValues<Who>().Length, cells);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells ({refusals} refusals) wrong:\n" + string.Join("\n", failures));
    }

    /// <summary>Whether the matrix expects <paramref name="who"/> to be refused the method.</summary>
    private static bool MustBeRefused(Rule rule, Who who)
    {
        if (who == Who.Anonymous || rule.GrantBound)
            return true;
        if (rule.OwnData)
            return false;
        var role = who switch { Who.Admin => PortalRoles.Admin, Who.Moderator => PortalRoles.Moderator, _ => PortalRoles.Staff };
        if (!rule.AnyOf.Any(p => RolePermissionMapping.Grants([role], p)))
            return true;
        return rule.Scoped && who == Who.StaffOutOfScope;
    }

    /// <summary>Why the call was not a proper refusal, or null.</summary>
    private static string? Problem(Rule rule, Who who, Call call)
    {
        if (call.Error is { } error and not AccessDeniedException)
            return $"threw {error.GetType().Name}: {error.Message}";
        if (call.Error is AccessDeniedException || call.Result is Outcome { Kind: OutcomeKind.Denied } || call.Result is false)
            return null;
        if (rule.OwnData && who == Who.Anonymous)
            return Json(call.Result) is "null" or "{\"Item1\":0,\"Item2\":[]}" ? null : $"gave anonymous {Json(call.Result)}";
        var scopeOnly = rule.Scoped && who == Who.StaffOutOfScope && rule.AnyOf.Any(p => RolePermissionMapping.Grants([PortalRoles.Staff], p));
        if (!scopeOnly)
            return $"not refused: {Describe(call.Result)}";
        // out of scope: not found, refused, empty, or data with nothing of hostel A in it
        return call.Result switch
        {
            Outcome { Kind: OutcomeKind.Done } done => $"done out of scope ({done.Message})",
            true => "allowed out of scope",
            BulkSummary { Done: > 0 } bulk => $"{bulk.Done} done out of scope",
            _ when Json(call.Result).Contains(ServiceCallArguments.Marker, StringComparison.Ordinal) => $"shows hostel A: {Describe(call.Result)}",
            _ when call.Result is int && rule.AnyOf.Contains(P.TriageTickets) => $"found a hostel-A student ({call.Result})",
            _ => null,
        };
    }

    private sealed record Call(object? Result, Exception? Error);

    private async Task<Call> CallAsync(Type service, MethodInfo method, object?[] args)
    {
        await using var scope = Scope();
        var target = scope.ServiceProvider.GetServices(service).First(s => s!.GetType() == method.DeclaringType)!;
        try
        {
            var returned = method.Invoke(target, args);
            if (returned is Task task)
            {
                await task;
                var result = method.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
                return new Call(result, null);
            }
            return new Call(returned, null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return new Call(null, ex.InnerException);
        }
        catch (Exception ex)
        {
            return new Call(null, ex);
        }
    }

    /// <summary>The feature services the portal registers (as the service and the type that implements it).</summary>
    private static IEnumerable<(Type Service, MethodInfo Method)> Methods()
    {
        var registrations = PortalComposition.WithoutHost("Host=localhost;Database=unused");
        return registrations
            .Select(d => (d.ServiceType, Impl: d.ImplementationType ?? (d.ImplementationFactory is null ? d.ImplementationInstance?.GetType() : d.ServiceType)))
            .Where(r => r.Impl is { IsPublic: true } impl && impl.Namespace?.StartsWith("AdminPortal.Features", StringComparison.Ordinal) == true
                        && !typeof(IDemoDataPart).IsAssignableFrom(impl))   // the demo loaders: `seed`, Development only
            .DistinctBy(r => r.Impl)
            .SelectMany(r => r.Impl!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not ("Dispose" or "DisposeAsync"))
                .Select(m => (r.ServiceType, m)))
            .OrderBy(r => Key(r.m), StringComparer.Ordinal).ToList();
    }

    private static string Key(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    private async Task<Dictionary<Who, ClaimsPrincipal>> PrincipalsAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        ClaimsPrincipal As(string email) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, db.Users.Single(u => u.Email == email).Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
        return new Dictionary<Who, ClaimsPrincipal>
        {
            [Who.Anonymous] = new(new ClaimsIdentity()),
            [Who.Admin] = As("admin@adminportal.demo"),
            [Who.Moderator] = As("moderator@adminportal.demo"),
            [Who.StaffInScope] = As("staff.a@adminportal.demo"),
            [Who.StaffOutOfScope] = As("staff.b@adminportal.demo"),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        IncludeFields = true, ReferenceHandler = ReferenceHandler.IgnoreCycles, MaxDepth = 64,
    };

    private static string Json(object? value)
    {
        try
        {
            return JsonSerializer.Serialize(value, JsonOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return value?.ToString() ?? "null";
        }
    }

    private static string Describe(object? result)
    {
        var text = result is IEnumerable and not string ? Json(result) : result?.ToString() ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
