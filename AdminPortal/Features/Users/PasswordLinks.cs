using AdminPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Users;

/// <summary>
/// One-time set-password links (no mail server: the admin hands the link over). The token is Identity's password
/// reset token: bound to the current security stamp (any later rotation voids it, and using it rotates the stamp),
/// valid for <see cref="Lifespan"/>.
/// </summary>
public sealed class PasswordLinks(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);

    public const string Path = "/account/set-password";

    /// <summary>Unchecked: only for actions that checked their caller (new staff, forced reset).</summary>
    internal async Task<string> CreateAsync(int userId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                   ?? throw new InvalidOperationException($"user {userId} not found");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{Path}?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
    }
}
