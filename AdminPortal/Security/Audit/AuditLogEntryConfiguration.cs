using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Security.Audit;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> a)
    {
        a.ToTable("audit_log", Schemas.Audit);
        a.ToTable(t => t.HasComment("Append-only: trigger audit_log_append_only refuses UPDATE and DELETE"));
        a.Property(x => x.ActorName).HasMaxLength(256);
        a.Property(x => x.Action).HasMaxLength(100);
        a.Property(x => x.EntityType).HasMaxLength(64);
        a.Property(x => x.EntityId).HasMaxLength(128);
        a.Property(x => x.Before).HasColumnType("jsonb");
        a.Property(x => x.After).HasColumnType("jsonb");
        a.Property(x => x.At).HasDefaultValueSql("now()");
        a.Property(x => x.ClientAddress).HasMaxLength(64);
        // Keyset paging, newest first: per entity (its history), per actor, and overall.
        a.HasIndex(x => new { x.EntityType, x.EntityId, x.At }, "idx_audit_log_entity").HasDatabaseName("idx_audit_log_entity").IsDescending(false, false, true);
        a.HasIndex(x => new { x.ActorId, x.At }, "idx_audit_log_actor").HasDatabaseName("idx_audit_log_actor").IsDescending(false, true);
        a.HasIndex(x => x.At, "idx_audit_log_at").HasDatabaseName("idx_audit_log_at").IsDescending(true);
        // The audit log page's filters (Features/Audit): one action or all of one kind (a range), and one entity type.
        a.HasIndex(x => new { x.Action, x.At }, "idx_audit_log_action").HasDatabaseName("idx_audit_log_action").IsDescending(false, true);
        a.HasIndex(x => new { x.EntityType, x.At }, "idx_audit_log_entity_type").HasDatabaseName("idx_audit_log_entity_type").IsDescending(false, true);
    }
}
