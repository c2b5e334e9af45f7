using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Tickets.Model;

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> s)
    {
        s.ToTable("staff", Schemas.Helpdesk,
            t => t.HasCheckConstraint("ck_staff_max_open_load", "max_open_load IS NULL OR max_open_load > 0"));
        s.Property(x => x.FullName).HasMaxLength(120);
        s.Property(x => x.Active).HasDefaultValue(true).HasSentinel(true);
        s.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        s.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        s.Property(x => x.Version).IsRowVersion();
        s.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => x.UserId).IsUnique();
        s.HasOne(x => x.Hostel).WithMany().HasForeignKey(x => x.HostelId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> s)
    {
        s.ToTable("students", Schemas.Helpdesk);
        s.Property(x => x.RollNo).HasMaxLength(32);
        s.Property(x => x.RoomNo).HasMaxLength(16);
        s.Property(x => x.Department).HasMaxLength(120);
        s.Property(x => x.Active).HasDefaultValue(true).HasSentinel(true);
        s.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        s.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        s.Property(x => x.Version).IsRowVersion();
        s.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne(x => x.Hostel).WithMany().HasForeignKey(x => x.HostelId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne(x => x.Batch).WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne(x => x.ClassSection).WithMany().HasForeignKey(x => x.ClassSectionId).OnDelete(DeleteBehavior.Restrict);
        // The seed's unique constraints; their indexes serve idx_students_user_id and idx_students_roll_no.
        s.HasIndex(x => x.UserId).IsUnique().HasDatabaseName("students_user_id_unique");
        s.HasIndex(x => x.RollNo).IsUnique().HasDatabaseName("students_roll_no_unique");
        s.HasIndex(x => x.HostelId);
    }
}

internal sealed class HostelConfiguration : IEntityTypeConfiguration<Hostel>
{
    public void Configure(EntityTypeBuilder<Hostel> h)
    {
        h.ToTable("hostels", Schemas.Helpdesk);
        h.Property(x => x.Name).HasMaxLength(120);
        h.Property(x => x.Active).HasDefaultValue(true).HasSentinel(true);
        h.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> b)
    {
        b.ToTable("batches", Schemas.Helpdesk);
        b.Property(x => x.Year).HasColumnName("batch_year");
        b.Property(x => x.Name).HasMaxLength(64);
        b.HasIndex(x => x.Year).IsUnique();
    }
}

internal sealed class ClassSectionConfiguration : IEntityTypeConfiguration<ClassSection>
{
    public void Configure(EntityTypeBuilder<ClassSection> c)
    {
        c.ToTable("class_sections", Schemas.Helpdesk);
        c.Property(x => x.Name).HasMaxLength(64);
        c.HasOne(x => x.Batch).WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.BatchId, x.Name }).IsUnique().AreNullsDistinct(false);
    }
}
