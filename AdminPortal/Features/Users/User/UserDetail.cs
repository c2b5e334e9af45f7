using AdminPortal.Data.Identity;
using AdminPortal.Features.Users.Platform;

namespace AdminPortal.Features.Users.User;

/// <summary>Everything the user's page shows, read in one go.</summary>
public sealed record UserDetail(
    PortalUser User,
    DateTimeOffset Now,
    IReadOnlyList<RoleRow> Roles,
    ProfileRow? Profile,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<TokenRow> Tokens,
    IReadOnlyList<RefreshTokenRow> RefreshTokens,
    IReadOnlyList<VerificationRow> Verifications,
    IReadOnlyList<RelationshipRow> Relationships,
    IReadOnlyList<LinkRow> Products, int ProductCount,
    IReadOnlyList<LinkRow> Tickets, int TicketCount,
    IReadOnlyList<LinkRow> Groups, int GroupCount,
    IReadOnlyList<AuditRow> StatusHistory)
{
    public bool LockedOut => User.LockoutEnd is { } end && end > Now;
}

public sealed record RoleRow(int Id, string Role, string? Domain, string? Scope, string? ScopeName)
{
    public string Label => Domain is null ? $"{Role} (everywhere)" : $"{Role} of {Domain} {ScopeName ?? $"#{Scope}"}";
}

public sealed record ProfileRow(string? DisplayName, string? Bio, string? AvatarUrl);

public sealed record TokenRow(int Id, PlatformType Platform, DateTime ExpireAt);

public sealed record RefreshTokenRow(Guid Id, DateTime CreatedAt, DateTime ExpiresAt, bool Revoked, DateTime? RevokedAt);

/// <summary>An OTP sent to the user; the code itself is never shown whole.</summary>
public sealed record VerificationRow(VerificationAction Action, string Source, PlatformType Platform, bool Verified,
    DateTime ExpireAt, DateTime CreatedAt, string MaskedCode)
{
    public static string Mask(string code) => new('•', Math.Clamp(code.Length, 4, 8));
}

public sealed record RelationshipRow(int OtherId, string OtherName, string Type, string Status, bool Outgoing, DateTime Since);

public sealed record LinkRow(string Id, string Title, string State, DateTime? At);

public sealed record AuditRow(long Id, DateTime At, int? ActorId, string ActorName, string Action, string EntityType,
    string EntityId, string? Reason, string? Before, string? After);

public sealed record AuditCursor(DateTime At, long Id);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, AuditCursor? Next);
