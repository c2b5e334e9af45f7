using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users.User;

/// <summary>Reads for one user's page: everything it shows in one go, and the audit trail by keyset.</summary>
public sealed class UserDetailQueries(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock,
    ScopeLookup scopeLookup)
{
    public async Task<UserDetail?> DetailAsync(ClaimsPrincipal by, int id, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).SingleOrDefaultAsync(ct);
        if (user is null)
            return null;
        var scopes = await scopeLookup.ScopesAsync(ct);
        var roles = (await db.UserRoles.AsNoTracking().Where(r => r.UserId == id)
                .Select(r => new { r.Id, Role = r.Role!.Name, r.Domain, r.Scope }).ToListAsync(ct))
            .Select(r => new RoleRow(r.Id, r.Role, r.Domain, r.Scope, scopes.NameOf(r.Domain, r.Scope)))
            .OrderBy(r => r.Role).ThenBy(r => r.ScopeName).ToList();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var profile = await db.Set<Profile>().AsNoTracking().Where(p => p.UserId == id)
            .Select(p => new ProfileRow(p.DisplayName, p.Bio, p.AvatarUrl)).FirstOrDefaultAsync(ct);
        var tokens = await db.Set<Token>().AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.ExpireAt)
            .Select(t => new TokenRow(t.Id, t.PlatformType, t.ExpireAt)).Take(50).ToListAsync(ct);
        var refresh = await db.Set<RefreshToken>().AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAt)
            .Select(t => new RefreshTokenRow(t.Id, t.CreatedAt, t.ExpiresAt, t.Revoked, t.RevokedAt)).Take(50).ToListAsync(ct);
        var otps = await db.Set<UserVerification>().AsNoTracking().Where(v => v.UserId == id).OrderByDescending(v => v.CreatedAt)
            .Select(v => new VerificationRow(v.Action, v.VerificationSource, v.ActionPlatform, v.Verified, v.ExpireAt, v.CreatedAt, v.OtpCode))
            .Take(50).ToListAsync(ct);
        otps = otps.Select(v => v with { MaskedCode = VerificationRow.Mask(v.MaskedCode) }).ToList();
        var relations = (await db.Set<UserRelationship>().AsNoTracking().Where(r => r.UserId == id || r.RelatedUserId == id)
                .OrderByDescending(r => r.UpdatedAt).Take(100)
                .Select(r => new
                {
                    r.UserId, r.RelatedUserId, r.Type, r.Status, r.UpdatedAt,
                    Other = db.Users.Where(o => o.Id == (r.UserId == id ? r.RelatedUserId : r.UserId)).Select(o => o.Name ?? o.Email).FirstOrDefault(),
                }).ToListAsync(ct))
            .Select(r => new RelationshipRow(r.UserId == id ? r.RelatedUserId : r.UserId, r.Other ?? "?", r.Type, r.Status, r.UserId == id, r.UpdatedAt))
            .ToList();
        var products = await db.Set<Product>().AsNoTracking().Where(p => p.VendorId == id).OrderByDescending(p => p.CreatedAt)
            .Select(p => new LinkRow(p.Id, p.Title, EnumTextSql(p.PublishingStatus), p.CreatedAt)).Take(50).ToListAsync(ct);
        var productCount = await db.Set<Product>().CountAsync(p => p.VendorId == id, ct);
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => t.CreatedBy == id).OrderByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.Status, t.CreatedAt }).Take(50).ToListAsync(ct);
        var ticketCount = await db.Set<Ticket>().CountAsync(t => t.CreatedBy == id, ct);
        var groups = await db.Set<ChatGroup>().AsNoTracking().Where(g => g.Members.Contains(id))
            .OrderByDescending(g => g.LastMessageAt)
            .Select(g => new { g.Id, g.Name, g.Type, g.LastMessageAt }).Take(50).ToListAsync(ct);
        var groupCount = await db.Set<ChatGroup>().CountAsync(g => g.Members.Contains(id), ct);
        var history = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == UserAuditActions.EntityType && a.EntityId == key && UserAuditActions.StatusChanges.Contains(a.Action))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(20)
            .Select(a => new { a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Reason, a.Before, a.After })
            .ToListAsync(ct);
        var statusHistory = history.Select(a => new AuditRow(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType,
            a.EntityId, a.Reason, a.Before?.RootElement.GetRawText(), a.After?.RootElement.GetRawText())).ToList();
        var staff = await db.Set<Staff>().AsNoTracking().Where(s => s.UserId == id)
            .Select(s => new { s.FullName, Hostel = s.Hostel == null ? null : s.Hostel.Name }).FirstOrDefaultAsync(ct);
        var student = await db.Set<Student>().AsNoTracking().Where(s => s.UserId == id)
            .Select(s => new { s.RollNo, Hostel = s.Hostel == null ? null : s.Hostel.Name, s.RoomNo }).FirstOrDefaultAsync(ct);
        var kinds = new List<string>();
        if (productCount > 0) kinds.Add("Vendor");
        if (student is not null) kinds.Add($"Student {student.RollNo}{(student.Hostel is null ? "" : $", {student.Hostel} {student.RoomNo}")}");
        if (staff is not null) kinds.Add($"Helpdesk staff{(staff.Hostel is null ? "" : $", {staff.Hostel}")}");
        return new UserDetail(user, clock.GetUtcNow(), roles, profile, kinds, tokens, refresh, otps, relations,
            products, productCount,
            tickets.Select(t => new LinkRow(t.Id.ToString(CultureInfo.InvariantCulture), t.Title ?? $"Ticket {t.Id}", t.Status.ToString(), t.CreatedAt)).ToList(),
            ticketCount,
            groups.Select(g => new LinkRow(g.Id.ToString(), g.Name, EnumText.Of(g.Type), g.LastMessageAt)).ToList(), groupCount,
            statusHistory);
    }

    private static string EnumTextSql(PublishingStatus status) => EnumText.Of(status);

    /// <summary>The audit trail with the user as target or as actor, newest first, by keyset (never OFFSET).</summary>
    public async Task<AuditPage> AuditAsync(ClaimsPrincipal by, int userId, AuditCursor? after, int size = 20,
        CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = userId.ToString(CultureInfo.InvariantCulture);
        var entries = db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => (a.EntityType == UserAuditActions.EntityType && a.EntityId == key) || a.ActorId == userId);
        if (after is not null)
            entries = entries.Where(a => a.At < after.At || (a.At == after.At && a.Id < after.Id));
        var found = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(size + 1)
            .Select(a => new { a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Reason, a.Before, a.After })
            .ToListAsync(ct);
        var rows = found.Select(a => new AuditRow(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId,
            a.Reason, a.Before?.RootElement.GetRawText(), a.After?.RootElement.GetRawText())).ToList();
        var next = rows.Count > size ? new AuditCursor(rows[size - 1].At, rows[size - 1].Id) : null;
        return new AuditPage(rows.Take(size).ToList(), next);
    }
}
