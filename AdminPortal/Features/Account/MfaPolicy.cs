using AdminPortal.Data;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Account;

/// <summary>
/// Which portal roles must sign in with a second factor (<c>Security:MfaRequiredRoles</c>, a list or a comma-separated
/// string). Unset: Admin, Moderator and Staff outside Development, none in Development (the demo accounts sign in with
/// the password alone) and none without a host (tests and tools say what they want).
/// </summary>
public sealed class MfaPolicy
{
    public const string Setting = "Security:MfaRequiredRoles";
    public static readonly string[] ProductionDefault = [PortalRoles.Admin, PortalRoles.Moderator, PortalRoles.Staff];

    public MfaPolicy(IConfiguration configuration, IHostEnvironment? environment = null)
    {
        var section = configuration.GetSection(Setting);
        var configured = section.Value is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        var isSet = section.Value is not null || section.GetChildren().Any();
        RequiredRoles = isSet ? configured
            : environment is null || environment.IsDevelopment() ? [] : ProductionDefault;
    }

    public IReadOnlyList<string> RequiredRoles { get; }

    public bool Requires(IEnumerable<string> roles) => roles.Any(r => RequiredRoles.Contains(r, StringComparer.Ordinal));

    /// <summary>Whether one of the user's roles needs a second factor.</summary>
    public async Task<bool> RequiresAsync(IDbContextFactory<PortalDbContext> dbFactory, int userId, CancellationToken ct = default)
    {
        if (RequiredRoles.Count == 0)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.Role!.Name!).ToListAsync(ct);
        return Requires(roles);
    }
}
