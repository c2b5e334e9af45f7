using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve students (helpdesk.students), column for column.</summary>
public class Student
{
    /// <summary>SST-Resolve students.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve students.user_id (uuid there; int FK to auth.users here), unique, not null.</summary>
    public int UserId { get; set; }
    public PortalUser? User { get; set; }

    /// <summary>SST-Resolve students.roll_no, varchar(32), unique.</summary>
    public required string RollNo { get; set; }

    /// <summary>SST-Resolve students.room_no, varchar(16).</summary>
    public string? RoomNo { get; set; }

    /// <summary>SST-Resolve students.hostel_id.</summary>
    public int? HostelId { get; set; }
    public Hostel? Hostel { get; set; }

    /// <summary>SST-Resolve students.batch_id.</summary>
    public int? BatchId { get; set; }
    public Batch? Batch { get; set; }

    /// <summary>SST-Resolve students.class_section_id.</summary>
    public int? ClassSectionId { get; set; }
    public ClassSection? ClassSection { get; set; }

    /// <summary>SST-Resolve students.batch_year.</summary>
    public int? BatchYear { get; set; }

    /// <summary>SST-Resolve students.department, varchar(120).</summary>
    public string? Department { get; set; }

    /// <summary>SST-Resolve students.active, default true, not null.</summary>
    public bool Active { get; set; } = true;

    /// <summary>SST-Resolve students.created_at.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>SST-Resolve students.updated_at.</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
