using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Vendors;

/// <summary>Venta vendors: a mobile vendor (food truck, stall) owned by a platform user, with its live position.</summary>
public class Vendor
{
    /// <summary>Venta vendors.id (a cuid in the seed; an identity integer here, see docs/data-model-parts/vendors-creators.md).</summary>
    public int Id { get; set; }

    /// <summary>Venta vendors.name.</summary>
    public required string Name { get; set; }

    /// <summary>Venta vendors.description.</summary>
    public string? Description { get; set; }

    /// <summary>Venta vendors.phone.</summary>
    public string? Phone { get; set; }

    /// <summary>Venta vendors.email.</summary>
    public string? Email { get; set; }

    /// <summary>Venta vendors.website.</summary>
    public string? Website { get; set; }

    /// <summary>Venta vendors.open: whether the vendor is trading now (default true).</summary>
    public bool Open { get; set; } = true;

    /// <summary>Venta vendors.primaryImage.</summary>
    public string? PrimaryImage { get; set; }

    /// <summary>Venta vendors.lat: the live latitude, the last reported position.</summary>
    public double? Lat { get; set; }

    /// <summary>Venta vendors.long: the live longitude.</summary>
    public double? Long { get; set; }

    /// <summary>Venta vendors.userId: the owner, a Venta user merged into auth.users.</summary>
    public int UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>Venta vendors.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Venta vendors.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }

    public List<Location> Locations { get; set; } = [];
}
