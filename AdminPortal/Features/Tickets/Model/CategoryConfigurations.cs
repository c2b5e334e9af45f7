using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Tickets.Model;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> c)
    {
        c.ToTable("categories", Schemas.Helpdesk, t => t.HasCheckConstraint("ck_categories_sla_hours", "sla_hours > 0"));
        c.Property(x => x.Name).HasMaxLength(120);
        c.HasIndex(x => x.Name).IsUnique();
        c.Property(x => x.SlaHours).HasDefaultValue(48).HasSentinel(48);
        c.Property(x => x.Active).HasDefaultValue(true).HasSentinel(true);
        c.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        c.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        c.Property(x => x.Version).IsRowVersion();
        c.HasMany(x => x.Subcategories).WithOne(s => s.Category).HasForeignKey(s => s.CategoryId)
            .OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.EscalationLadder).WithOne(r => r.Category).HasForeignKey(r => r.CategoryId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubcategoryConfiguration : IEntityTypeConfiguration<Subcategory>
{
    public void Configure(EntityTypeBuilder<Subcategory> s)
    {
        s.ToTable("subcategories", Schemas.Helpdesk,
            t => t.HasCheckConstraint("ck_subcategories_sla_hours", "sla_hours IS NULL OR sla_hours > 0"));
        s.Property(x => x.Name).HasMaxLength(120);
        s.Property(x => x.SlaHours).HasComment("Portal: TAT override in hours; NULL inherits categories.sla_hours");
        s.Property(x => x.Active).HasDefaultValue(true).HasSentinel(true);
        s.HasIndex(x => new { x.CategoryId, x.Name }).IsUnique();
    }
}

internal sealed class CategoryEscalationRungConfiguration : IEntityTypeConfiguration<CategoryEscalationRung>
{
    public void Configure(EntityTypeBuilder<CategoryEscalationRung> r)
    {
        r.ToTable("category_escalation_rungs", Schemas.Helpdesk,
            t => t.HasCheckConstraint("ck_category_escalation_rungs_level", "level >= 1"));
        r.HasIndex(x => new { x.CategoryId, x.Level }).IsUnique();
        r.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryAssignmentConfiguration : IEntityTypeConfiguration<CategoryAssignment>
{
    public void Configure(EntityTypeBuilder<CategoryAssignment> a)
    {
        a.ToTable("category_assignments", Schemas.Helpdesk);
        a.Property(x => x.IsPrimary).HasDefaultValue(false);
        a.Property(x => x.Priority).HasDefaultValue(0);
        a.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.CategoryId, x.StaffId }).IsUnique()
            .HasDatabaseName("category_assignments_category_staff_unique");
        a.HasIndex(x => x.StaffId);
    }
}
