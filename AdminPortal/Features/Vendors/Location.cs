namespace AdminPortal.Features.Vendors;

/// <summary>Venta locations: one reported position of a vendor, the trail behind its live location. Append-only.</summary>
public class Location
{
    /// <summary>Venta locations.id (a cuid in the seed; a bigint identity here: the trail grows fastest).</summary>
    public long Id { get; set; }

    /// <summary>Venta locations.vendorId.</summary>
    public int VendorId { get; set; }

    public Vendor? Vendor { get; set; }

    /// <summary>Venta locations.lat.</summary>
    public double Lat { get; set; }

    /// <summary>Venta locations.long.</summary>
    public double Long { get; set; }

    /// <summary>Venta locations.timestamp: when the position was reported (default now()).</summary>
    public DateTime Timestamp { get; set; }
}
