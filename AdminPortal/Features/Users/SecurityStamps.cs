using AdminPortal.Data.Identity;
using System.Security.Cryptography;

namespace AdminPortal.Features.Users;

/// <summary>
/// Rotates a user's security stamp inside the caller's own transaction: what UserManager.UpdateSecurityStampAsync
/// does (a new random stamp and concurrency stamp), without its separate save, so the change, its audit record and the
/// rotation commit together. Every cookie issued before is then refused (SecurityStampValidator checks each request).
/// </summary>
public static class SecurityStamps
{
    public static void Rotate(PortalUser user)
    {
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
