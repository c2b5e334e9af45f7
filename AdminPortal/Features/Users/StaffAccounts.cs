using AdminPortal.Data.Identity;
using AdminPortal.Features.Team;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// Creates a portal staff account (no password): the account, its roles, its staff profile when it has the Staff role
/// (hostel, categories with their assignment priority, capacity) and the audit record commit together, then the admin
/// gets a one-time set-password link to hand over.
/// </summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes, ActorResolver actors, AuditTrail audit, IChangeFeed feed,
    PasswordLinks links, TimeProvider clock)
{
    public sealed record Input(string? Email, string? Name, string? Phone, IReadOnlyList<RoleAssignments.Grant> Roles,
        StaffProfileInput? Profile = null);

    public async Task<Outcome<CreatedAccount>> CreateAsync(ClaimsPrincipal by, Input input, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        actor.Require(Permission.ManageRoles);
        if (UserInputRules.Email(input.Email) is { } emailError)
            return Refused(emailError, "email");
        if (UserInputRules.Name(input.Name) is { } nameError)
            return Refused(nameError, "name");
        if (UserInputRules.Phone(input.Phone) is { } phoneError)
            return Refused(phoneError, "phone");
        if (input.Roles.Count == 0 || input.Roles.Any(r => !PortalRoles.Portal.Contains(r.Role)))
            return Refused("Choose at least one portal role (Admin, Moderator or Staff).", "roles");
        if (input.Roles.Any(r => r.Role != PortalRoles.Staff && r.Domain is not null))
            return Refused("Only Staff is scoped to hostels or categories.", "roles");

        var staffRole = input.Roles.Any(r => r.Role == PortalRoles.Staff);
        // no profile asked for: the one hostel Staff is scoped to (if one), no category, no limit
        var hostels = input.Roles.Where(r => r.Role == PortalRoles.Staff && r.Domain == ScopeDomains.Hostel).Select(r => r.ScopeId).Distinct().ToList();
        var profile = input.Profile ?? new StaffProfileInput(hostels.Count == 1 ? hostels[0] : null, [], null);
        if (!staffRole && input.Profile is not null)
            return Refused("Only Staff has a staff profile.", "roles");
        if (staffRole && StaffProfileInput.Problem(profile) is (var profileError, var profileField))
            return Refused(profileError, profileField);

        var email = TextRules.Normalize(input.Email)!;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>(); // the context UserManager's store uses
        if (await users.FindByEmailAsync(email) is not null)
            return Refused("An account with this email already exists.", "email");
        var roleIds = await db.PortalRoles.ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        foreach (var grant in input.Roles.Where(r => r.Domain is not null))
        {
            if (await RoleAssignments.ScopeNameAsync(db, grant.Domain, grant.ScopeId?.ToString(CultureInfo.InvariantCulture), ct) is null)
                return Refused($"There is no such {grant.Domain}.", "roles");
        }
        if (staffRole && await StaffProfileInput.MissingAsync(db, profile, ct) is (var missing, var missingField))
            return Refused(missing, missingField);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, Name = TextRules.Normalize(input.Name),
            PhoneNumber = TextRules.Normalize(input.Phone),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Refused(string.Join(" ", created.Errors.Select(e => e.Description)),
                created.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)) ? "email" : null);
        var grants = input.Roles.DistinctBy(r => (r.Role, r.Domain, r.ScopeId)).ToList();
        db.UserRoles.AddRange(grants.Select(r => new UserRole
        {
            UserId = user.Id, RoleId = roleIds[r.Role], Domain = r.Domain,
            Scope = r.ScopeId?.ToString(CultureInfo.InvariantCulture),
        }));
        var staff = staffRole ? StaffProfileInput.Create(db, profile, user, clock.GetUtcNow().UtcDateTime) : null;
        audit.Add(db, actor.ToAudit(), UserAuditActions.Create, UserAuditActions.EntityType,
            user.Id.ToString(CultureInfo.InvariantCulture), null,
            new { user.Email, user.Name, user.PhoneNumber, Roles = grants, StaffProfile = staffRole ? profile : null },
            "staff account created in the portal");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityTypes.User, user.Id.ToString(CultureInfo.InvariantCulture),
            ChangeActions.Created, actor.Id, actor.Name), ct);
        if (staff is not null)
            await feed.PublishAsync(new ChangeEvent(StaffProfileInput.EntityType, staff.Id.ToString(CultureInfo.InvariantCulture),
                ChangeActions.Created, actor.Id, actor.Name), ct);
        var link = await links.CreateAsync(user.Id, ct);
        return Outcome<CreatedAccount>.Done(new CreatedAccount(user.Id, link),
            $"Created {email}. Give them this one-time link to set their password (valid {PasswordLinks.Lifespan.TotalHours:0} hours).");
    }

    private static Outcome<CreatedAccount> Refused(string message, string? field = null) =>
        Outcome<CreatedAccount>.Failed(Outcome.Refused(message, field));
}
