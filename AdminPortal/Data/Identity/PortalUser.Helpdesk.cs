namespace AdminPortal.Data.Identity;

/// <remarks>
/// SST-Resolve users (uuid id, clerk_id, email, name, phone) merged into auth.users: the uuid key becomes the int
/// key, email and name are the shared columns, phone is Identity's phone_number (varchar(30), see
/// <see cref="PortalUserHelpdeskConfiguration"/>), and clerk_id is below.
/// </remarks>
public partial class PortalUser
{
    /// <summary>
    /// SST-Resolve users.clerk_id, varchar(255), unique; also Venta users.clerkId (@unique), the same Clerk identity. Nullable here (NOT NULL in the seed): users created in the
    /// portal or by other platforms have no Clerk identity.
    /// </summary>
    public string? ClerkId { get; set; }
}
