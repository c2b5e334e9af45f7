using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Tickets.Model;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The statuses of the staff's work queue (not resolved or closed).</summary>
    public const string OpenStatusFilter = "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')";

    public void Configure(EntityTypeBuilder<Ticket> t)
    {
        t.ToTable("tickets", Schemas.Helpdesk, table =>
            table.HasCheckConstraint("ck_tickets_escalation_level", "escalation_level >= 0"));
        t.Property(x => x.Title).HasMaxLength(255);
        t.Property(x => x.Status).HasDefaultValue(TicketStatus.Open);
        t.Property(x => x.Location).HasMaxLength(255);
        t.Property(x => x.Metadata).HasColumnType("jsonb");
        t.Property(x => x.Attachments).HasColumnType("jsonb");
        t.Property(x => x.EscalationLevel).HasDefaultValue(0);
        t.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        t.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        t.Property(x => x.HostelId).HasComment("Portal: FK for hostel scoping; SST keeps the hostel only in metadata->>'hostel'");
        t.Property(x => x.PausedAt).HasComment("Portal: SLA clock paused since (AWAITING_STUDENT_RESPONSE)");
        t.Property(x => x.Version).IsRowVersion();

        t.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne(x => x.Subcategory).WithMany().HasForeignKey(x => x.SubcategoryId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne(x => x.Creator).WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Cascade);
        t.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssignedTo).OnDelete(DeleteBehavior.SetNull);
        t.HasOne(x => x.Hostel).WithMany().HasForeignKey(x => x.HostelId).OnDelete(DeleteBehavior.Restrict);
        t.HasMany(x => x.Comments).WithOne(c => c.Ticket).HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);

        // The seed's indexes, by the seed's names.
        t.HasIndex(x => x.Status, "idx_tickets_status").HasDatabaseName("idx_tickets_status");
        t.HasIndex(x => x.CategoryId, "idx_tickets_category_id").HasDatabaseName("idx_tickets_category_id");
        t.HasIndex(x => x.AssignedTo, "idx_tickets_assigned_to").HasDatabaseName("idx_tickets_assigned_to");
        t.HasIndex(x => x.CreatedBy, "idx_tickets_created_by").HasDatabaseName("idx_tickets_created_by");
        t.HasIndex(x => x.Metadata, "idx_tickets_metadata").HasDatabaseName("idx_tickets_metadata").HasMethod("gin");
        t.HasIndex(x => new { x.Status, x.CreatedAt }, "idx_tickets_status_created").HasDatabaseName("idx_tickets_status_created");
        t.HasIndex(x => x.CreatedAt, "idx_tickets_open").HasDatabaseName("idx_tickets_open").HasFilter("status <> 'RESOLVED'");
        t.HasIndex(x => x.Status, "idx_tickets_forwarded").HasDatabaseName("idx_tickets_forwarded").HasFilter("status = 'FORWARDED'");
        // The staff queue: scoped by hostel, by category or by assignee, filtered by status, ordered by due time and id
        // (the queue's order): a page after a cursor (decision 0038) starts at (due_at, id) in the branch and reads 51
        // entries; without the id the planner preferred walking idx_tickets_open_due from the cursor, filtering hostel
        // and status (up to the index's end for a branch with nothing left).
        t.HasIndex(x => new { x.HostelId, x.Status, x.DueAt, x.Id }, "idx_tickets_hostel_status_due").HasDatabaseName("idx_tickets_hostel_status_due");
        t.HasIndex(x => new { x.CategoryId, x.Status, x.DueAt, x.Id }, "idx_tickets_category_status_due").HasDatabaseName("idx_tickets_category_status_due");
        t.HasIndex(x => new { x.AssignedTo, x.Status, x.DueAt, x.Id }, "idx_tickets_assignee_status_due").HasDatabaseName("idx_tickets_assignee_status_due");
        // EXPLAIN on the large data (docs/perf/explain-large.md): "hostel X, open statuses, by due time" read 170k index
        // entries and top-N sorted them (470 ms) with the (hostel, status, due) index, as status IN (...) is five ranges.
        // Partial indexes on the open statuses give the page in due order straight from the index.
        t.HasIndex(x => new { x.HostelId, x.DueAt, x.Id }, "idx_tickets_hostel_open_due").HasDatabaseName("idx_tickets_hostel_open_due")
            .HasFilter(OpenStatusFilter);
        // the dashboard's "now" tiles count the open tickets falling due today before now and within the next 24 h on
        // the tickets themselves (the days before come from reporting.ticket_due, decision 0023): an admin's count has
        // no hostel to lead with. It carries the scope's keys, the status and the pause (decision 0033): a staff member's
        // count was filtered on the heap, a visit per open ticket of the window (13-24 ms for hostel A on the large
        // data); index-only it is 1-3 ms
        t.HasIndex(x => x.DueAt, "idx_tickets_open_due").HasDatabaseName("idx_tickets_open_due").HasFilter(OpenStatusFilter)
            .IncludeProperties(x => new { x.HostelId, x.CategoryId, x.AssignedTo, x.Status, x.PausedAt });
        t.HasIndex(x => new { x.HostelId, x.CategoryId, x.DueAt, x.Id }, "idx_tickets_hostel_category_open_due")
            .HasDatabaseName("idx_tickets_hostel_category_open_due").HasFilter(OpenStatusFilter);
        // "Created in a range", per scope branch (hostel, category, assignee): idx_tickets_open walked every ticket of the range and dropped those of
        // other hostels and statuses (28k rows, 13-16 ms a branch); these give the branch's keys index-only (0.4-0.9 ms)
        t.HasIndex(x => new { x.HostelId, x.Status, x.CreatedAt }, "idx_tickets_hostel_status_created")
            .HasDatabaseName("idx_tickets_hostel_status_created").IncludeProperties(x => new { x.DueAt, x.Id, x.UpdatedAt, x.EscalationLevel });
        t.HasIndex(x => new { x.CategoryId, x.Status, x.CreatedAt }, "idx_tickets_category_status_created")
            .HasDatabaseName("idx_tickets_category_status_created").IncludeProperties(x => new { x.DueAt, x.Id, x.UpdatedAt, x.EscalationLevel });
        t.HasIndex(x => new { x.AssignedTo, x.Status, x.CreatedAt }, "idx_tickets_assignee_status_created")
            .HasDatabaseName("idx_tickets_assignee_status_created").IncludeProperties(x => new { x.DueAt, x.Id, x.UpdatedAt, x.EscalationLevel });
        t.HasIndex(x => x.Title, "idx_tickets_title_trgm").HasDatabaseName("idx_tickets_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        t.HasIndex(x => x.SubcategoryId, "idx_tickets_subcategory_id").HasDatabaseName("idx_tickets_subcategory_id");
        // "Unassigned" per hostel branch: a status with no unassigned ticket (IN_PROGRESS) made the branch walk all of
        // the hostel's tickets in that status to find none (148 ms); here it finds none at once (0.04 ms)
        t.HasIndex(x => new { x.HostelId, x.Status, x.DueAt, x.Id }, "idx_tickets_hostel_unassigned_due")
            .HasDatabaseName("idx_tickets_hostel_unassigned_due").HasFilter("assigned_to IS NULL");
        // The queue's Next/Previous (decision 0038) read the tickets without a due time beyond the cursor once over the
        // whole scope, not per branch and status: every writer sets due_at, so this index is empty and the read free
        t.HasIndex(x => x.Id, "idx_tickets_undated").HasDatabaseName("idx_tickets_undated").HasFilter("due_at IS NULL");
        // An admin's whole desk in due order (no hostel, category or other narrowing filter): one read per status from
        // this index instead of one per hostel and status (decision 0049)
        t.HasIndex(x => new { x.Status, x.DueAt, x.Id }, "idx_tickets_status_due").HasDatabaseName("idx_tickets_status_due");
    }
}
