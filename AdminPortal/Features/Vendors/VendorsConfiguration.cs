using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Vendors;

/// <summary>Venta users.clerkId/firstName/lastName on auth.users (see PortalUser.Vendors.cs).</summary>
internal sealed class VentaUserColumnsConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.Property(u => u.FirstName).HasMaxLength(100).HasComment("Venta users.firstName");
        user.Property(u => u.LastName).HasMaxLength(100).HasComment("Venta users.lastName");
        // Venta's clerkId @unique is the shared clerk_id column, configured with SST-Resolve's in PortalUserHelpdeskConfiguration.
    }
}

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> vendor)
    {
        vendor.ToTable("vendors", Schemas.Vendors, t =>
        {
            t.HasComment("Venta vendors");
            t.HasCheckConstraint("ck_vendors_lat_range", "lat IS NULL OR lat BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_vendors_long_range", "long IS NULL OR long BETWEEN -180 AND 180");
            t.HasCheckConstraint("ck_vendors_position_pair", "(lat IS NULL) = (long IS NULL)");
        });
        vendor.Property(v => v.Name).HasMaxLength(200);
        vendor.Property(v => v.Phone).HasMaxLength(32);
        vendor.Property(v => v.Email).HasMaxLength(256);
        vendor.Property(v => v.Website).HasMaxLength(512);
        vendor.Property(v => v.PrimaryImage).HasMaxLength(1024);
        // Always sent by EF (a false must not turn into the default); the column default serves raw inserts.
        vendor.Property(v => v.Open).HasDefaultValue(true).ValueGeneratedNever();
        vendor.Property(v => v.CreatedAt).HasDefaultValueSql("now()");
        vendor.Property(v => v.UpdatedAt).HasDefaultValueSql("now()");
        vendor.Property(v => v.Version).IsRowVersion();
        vendor.HasOne(v => v.User).WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        vendor.HasIndex(v => v.UserId).HasDatabaseName("idx_vendors_user_id");
        // PostGIS is not available: the seed's Float lat/long stay double precision with its btree (lat, long).
        vendor.HasIndex(v => new { v.Lat, v.Long }).HasDatabaseName("idx_vendors_location");
        vendor.HasIndex(v => v.CreatedAt).HasDatabaseName("idx_vendors_created_at");
        // Portal: the vendor admin searches by name.
        vendor.HasIndex(v => v.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_vendors_name_trgm");
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.ToTable("locations", Schemas.Vendors, t =>
        {
            t.HasComment("Venta locations: a vendor's position trail");
            t.HasCheckConstraint("ck_locations_lat_range", "lat BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_locations_long_range", "long BETWEEN -180 AND 180");
        });
        location.Property(l => l.Timestamp).HasDefaultValueSql("now()");
        location.HasOne(l => l.Vendor).WithMany(v => v.Locations).HasForeignKey(l => l.VendorId)
            .OnDelete(DeleteBehavior.Cascade);
        // The seed's idx_locations_vendor_id, widened to (vendor_id, timestamp DESC): the trail of one vendor,
        // newest first, is read without a sort and the FK lookup is still served by the leading column.
        location.HasIndex(l => new { l.VendorId, l.Timestamp }).IsDescending(false, true)
            .HasDatabaseName("idx_locations_vendor_id");
        location.HasIndex(l => l.Timestamp).HasDatabaseName("idx_locations_timestamp");
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.ToTable("subscriptions", Schemas.Vendors, t =>
        {
            t.HasComment("Venta subscriptions (RevenueCat, Stripe)");
            t.HasCheckConstraint("ck_subscriptions_dates", "end_date IS NULL OR end_date >= start_date");
        });
        subscription.Property(s => s.ProductId).HasMaxLength(200);
        subscription.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
        subscription.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        subscription.Property(s => s.Version).IsRowVersion();
        subscription.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        subscription.HasIndex(s => s.UserId).HasDatabaseName("idx_subscriptions_user_id");
        subscription.HasIndex(s => s.Status).HasDatabaseName("idx_subscriptions_status");
        subscription.HasIndex(s => s.EndDate).HasDatabaseName("idx_subscriptions_end_date");
    }
}

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> integration)
    {
        integration.ToTable("integrations", Schemas.Vendors, t => t.HasComment("Venta integrations with external services"));
        integration.Property(i => i.ExternalId).HasMaxLength(200);
        integration.Property(i => i.InternalId).HasMaxLength(200);
        integration.Property(i => i.Metadata).HasColumnType("jsonb");
        integration.Property(i => i.CreatedAt).HasDefaultValueSql("now()");
        integration.Property(i => i.UpdatedAt).HasDefaultValueSql("now()");
        integration.Property(i => i.Version).IsRowVersion();
        // Venta: @@unique([service, externalId]).
        integration.HasIndex(i => new { i.Service, i.ExternalId }).IsUnique()
            .HasDatabaseName("integrations_service_external_id_key");
        integration.HasIndex(i => i.Service).HasDatabaseName("idx_integrations_service");
        integration.HasIndex(i => i.ExternalId).HasDatabaseName("idx_integrations_external_id");
        // Portal: "which external ids does this vendor have" (internal id -> external ids).
        integration.HasIndex(i => i.InternalId).HasDatabaseName("ix_integrations_internal_id");
    }
}
