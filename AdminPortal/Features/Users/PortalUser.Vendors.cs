namespace AdminPortal.Features.Users;

/// <summary>
/// Venta's users table merged into auth.users: its id/email/createdAt/updatedAt are the portal user's own, these
/// three columns are added. Configured by AdminPortal.Features.Vendors.VentaUserColumnsConfiguration.
/// </summary>
public partial class PortalUser
{
    /// <summary>Venta users.clerkId: the user's id at Clerk (unique; null for users who never came from Venta).</summary>
    public string? ClerkId { get; set; }

    /// <summary>Venta users.firstName.</summary>
    public string? FirstName { get; set; }

    /// <summary>Venta users.lastName.</summary>
    public string? LastName { get; set; }
}
