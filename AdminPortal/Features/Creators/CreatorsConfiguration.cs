using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Creators;

internal sealed class InfluencerConfiguration : IEntityTypeConfiguration<Influencer>
{
    public void Configure(EntityTypeBuilder<Influencer> influencer)
    {
        influencer.ToTable("influencers", Schemas.Creators, t => t.HasComment("Cloutsy influencers"));
        influencer.Property(i => i.Name).HasMaxLength(200);
        influencer.Property(i => i.Username).HasMaxLength(64);
        influencer.Property(i => i.Email).HasMaxLength(256);
        influencer.Property(i => i.Phone).HasMaxLength(32);
        influencer.Property(i => i.ProfileImage).HasMaxLength(1024);
        // Always sent by EF (a false must not turn into the default); the column default serves raw inserts.
        influencer.Property(i => i.IsPhoneVerified).HasDefaultValue(false).ValueGeneratedNever();
        influencer.Property(i => i.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        influencer.Property(i => i.CreatedAt).HasDefaultValueSql("now()");
        influencer.Property(i => i.UpdatedAt).HasDefaultValueSql("now()");
        influencer.Property(i => i.Version).IsRowVersion();
        // A login is one influencer; deleting the login keeps the profile (Cloutsy has its own sign-in).
        influencer.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.SetNull);
        influencer.HasIndex(i => i.UserId).IsUnique().HasDatabaseName("influencers_user_id_key");
        influencer.HasIndex(i => i.Username).IsUnique().HasDatabaseName("influencers_username_key");
        influencer.HasIndex(i => i.Email).IsUnique().HasDatabaseName("influencers_email_key");
        influencer.HasIndex(i => i.Phone).IsUnique().HasDatabaseName("influencers_phone_key");
        // Portal: the influencer admin searches by name or username.
        influencer.HasIndex(i => i.Name).HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_influencers_name_trgm");
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> brand)
    {
        brand.ToTable("brands", Schemas.Creators, t =>
        {
            t.HasComment("Cloutsy brands with their verification documents (incorporation, GST, PAN)");
            // A document's state says whether it was submitted: no document, no review.
            foreach (var doc in new[] { "incorporation", "gst", "pan" })
                t.HasCheckConstraint($"ck_brands_{doc}_document_status",
                    $"({doc}_document IS NULL) = ({doc}_document_status = 'not_submitted')");
        });
        brand.Property(b => b.Email).HasMaxLength(256);
        brand.Property(b => b.Phone).HasMaxLength(32);
        brand.Property(b => b.BrandName).HasMaxLength(200);
        brand.Property(b => b.Username).HasMaxLength(64);
        brand.Property(b => b.LegalEntityName).HasMaxLength(300);
        brand.Property(b => b.BrandEmailId).HasMaxLength(256);
        brand.Property(b => b.PocName).HasMaxLength(200);
        brand.Property(b => b.PocDesignation).HasMaxLength(100);
        brand.Property(b => b.PocEmailId).HasMaxLength(256);
        brand.Property(b => b.PocContactNumber).HasMaxLength(32);
        brand.Property(b => b.ProfileImage).HasMaxLength(1024);
        brand.Property(b => b.IncorporationDocument).HasMaxLength(1024);
        brand.Property(b => b.GstDocument).HasMaxLength(1024);
        brand.Property(b => b.PanDocument).HasMaxLength(1024);
        foreach (var status in new[] { nameof(Brand.IncorporationDocumentStatus), nameof(Brand.GstDocumentStatus), nameof(Brand.PanDocumentStatus) })
            brand.Property<DocumentStatus>(status).HasDefaultValue(DocumentStatus.NotSubmitted).ValueGeneratedNever();
        brand.Property(b => b.IsPhoneVerified).HasDefaultValue(false).ValueGeneratedNever();
        brand.Property(b => b.IsProfileCompleted).HasDefaultValue(false).ValueGeneratedNever();
        brand.Property(b => b.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        brand.Property(b => b.CreatedAt).HasDefaultValueSql("now()");
        brand.Property(b => b.UpdatedAt).HasDefaultValueSql("now()");
        brand.Property(b => b.Version).IsRowVersion();
        brand.HasOne(b => b.User).WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.SetNull);
        brand.HasOne(b => b.ReviewedBy).WithMany().HasForeignKey(b => b.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        brand.HasIndex(b => b.UserId).IsUnique().HasDatabaseName("brands_user_id_key");
        brand.HasIndex(b => b.Email).IsUnique().HasDatabaseName("brands_email_key");
        brand.HasIndex(b => b.Phone).IsUnique().HasDatabaseName("brands_phone_key");
        brand.HasIndex(b => b.Username).IsUnique().HasDatabaseName("brands_username_key");
        brand.HasIndex(b => b.ReviewedById).HasDatabaseName("ix_brands_reviewed_by_id");
        // Portal: the brand verification queue, oldest waiting first; only brands with a pending document.
        brand.HasIndex(b => b.CreatedAt).HasDatabaseName("ix_brands_verification_queue")
            .HasFilter("incorporation_document_status = 'pending' OR gst_document_status = 'pending' OR pan_document_status = 'pending'");
        brand.HasIndex(b => b.BrandName).HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_brands_brand_name_trgm");
    }
}

internal sealed class NicheConfiguration : IEntityTypeConfiguration<Niche>
{
    public void Configure(EntityTypeBuilder<Niche> niche)
    {
        niche.ToTable("niches", Schemas.Creators, t => t.HasComment("Cloutsy niches: content categories"));
        niche.Property(n => n.Name).HasMaxLength(100);
        niche.Property(n => n.Icon).HasMaxLength(32);
        niche.Property(n => n.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        niche.Property(n => n.CreatedAt).HasDefaultValueSql("now()");
        niche.Property(n => n.UpdatedAt).HasDefaultValueSql("now()");
        niche.Property(n => n.Version).IsRowVersion();
        niche.HasIndex(n => n.Name).IsUnique().HasDatabaseName("niches_name_key");
    }
}

internal sealed class InfluencerNicheConfiguration : IEntityTypeConfiguration<InfluencerNiche>
{
    public void Configure(EntityTypeBuilder<InfluencerNiche> link)
    {
        link.ToTable("influencer_niches", Schemas.Creators, t => t.HasComment("Cloutsy influencer_niches"));
        link.Property(l => l.CreatedAt).HasDefaultValueSql("now()");
        link.Property(l => l.UpdatedAt).HasDefaultValueSql("now()");
        link.HasOne(l => l.Influencer).WithMany(i => i.Niches).HasForeignKey(l => l.InfluencerId).OnDelete(DeleteBehavior.Cascade);
        // A niche in use is retired (is_active = false), never deleted from under its influencers.
        link.HasOne(l => l.Niche).WithMany().HasForeignKey(l => l.NicheId).OnDelete(DeleteBehavior.Restrict);
        // Cloutsy: composite index on the junction table; unique, as a niche is held once.
        link.HasIndex(l => new { l.InfluencerId, l.NicheId }).IsUnique().HasDatabaseName("influencer_niches_influencer_id_niche_id_key");
        link.HasIndex(l => l.NicheId).HasDatabaseName("ix_influencer_niches_niche_id");
    }
}

internal sealed class BrandNicheConfiguration : IEntityTypeConfiguration<BrandNiche>
{
    public void Configure(EntityTypeBuilder<BrandNiche> link)
    {
        link.ToTable("brand_niches", Schemas.Creators, t => t.HasComment("Cloutsy brand_niches"));
        link.Property(l => l.CreatedAt).HasDefaultValueSql("now()");
        link.Property(l => l.UpdatedAt).HasDefaultValueSql("now()");
        link.HasOne(l => l.Brand).WithMany(b => b.Niches).HasForeignKey(l => l.BrandId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Niche).WithMany().HasForeignKey(l => l.NicheId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => new { l.BrandId, l.NicheId }).IsUnique().HasDatabaseName("brand_niches_brand_id_niche_id_key");
        link.HasIndex(l => l.NicheId).HasDatabaseName("ix_brand_niches_niche_id");
    }
}

internal sealed class OtpConfiguration : IEntityTypeConfiguration<Otp>
{
    public void Configure(EntityTypeBuilder<Otp> otp)
    {
        otp.ToTable("otps", Schemas.Creators, t =>
        {
            t.HasComment("Cloutsy otps: phone verification codes");
            t.HasCheckConstraint("ck_otps_expiry_after_creation", "expires_at > created_at");
        });
        otp.Property(o => o.Phone).HasMaxLength(32);
        otp.Property(o => o.Code).HasColumnName("otp").HasMaxLength(128);
        otp.Property(o => o.IsUsed).HasDefaultValue(false).ValueGeneratedNever();
        otp.Property(o => o.CreatedAt).HasDefaultValueSql("now()");
        otp.Property(o => o.UpdatedAt).HasDefaultValueSql("now()");
        // Cloutsy verifies "the latest unused code of this phone": phone, newest first.
        otp.HasIndex(o => new { o.Phone, o.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_otps_phone_created_at");
        // Portal: purging expired codes.
        otp.HasIndex(o => o.ExpiresAt).HasDatabaseName("ix_otps_expires_at");
    }
}
