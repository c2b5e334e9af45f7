namespace AdminPortal.Features.Tickets.Model;

/// <summary>SST-Resolve hostels (master table): students.hostel_id, tickets.hostel_id, hostel-scoped roles.</summary>
public class Hostel
{
    /// <summary>SST-Resolve hostels.id; user_roles scope "hostel"/"{id}" points here.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve hostels.name, unique (also what metadata->>'hostel' holds).</summary>
    public required string Name { get; set; }

    /// <summary>SST-Resolve hostels.active.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>SST-Resolve batches (master table): students.batch_id.</summary>
public class Batch
{
    /// <summary>SST-Resolve batches.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve batches.batch_year (graduation year), unique.</summary>
    public int Year { get; set; }

    /// <summary>SST-Resolve batches.name ("Batch 2027").</summary>
    public required string Name { get; set; }
}

/// <summary>SST-Resolve class_sections (master table): students.class_section_id.</summary>
public class ClassSection
{
    /// <summary>SST-Resolve class_sections.id.</summary>
    public int Id { get; set; }

    /// <summary>SST-Resolve class_sections.name ("A", "B"), unique within a batch.</summary>
    public required string Name { get; set; }

    /// <summary>Portal: the batch the section belongs to (null: a section shared across batches).</summary>
    public int? BatchId { get; set; }
    public Batch? Batch { get; set; }
}
