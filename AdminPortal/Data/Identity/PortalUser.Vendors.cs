namespace AdminPortal.Data.Identity;

/// <summary>
/// Venta's users table merged into auth.users: its id/email/createdAt/updatedAt are the portal user's own, these
/// two columns are added; Venta's clerkId is the shared ClerkId column (see PortalUser.Helpdesk.cs). Configured by AdminPortal.Features.Vendors.VentaUserColumnsConfiguration.
/// </summary>
public partial class PortalUser
{
    /// <summary>Venta users.firstName.</summary>
    public string? FirstName { get; set; }

    /// <summary>Venta users.lastName.</summary>
    public string? LastName { get; set; }
}
