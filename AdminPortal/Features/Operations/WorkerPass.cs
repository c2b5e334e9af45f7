using System.Text.Json;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Operations;

/// <summary>One pass of a periodic worker on one instance: when, how long, what it did, when the next is due.</summary>
public class WorkerPass
{
    public long Id { get; set; }

    /// <summary>The worker's name ("Escalation", "Outbox", "Subscription expiry").</summary>
    public required string Worker { get; set; }

    /// <summary>The instance that ran it (<see cref="Live.LiveInstance.Id"/>).</summary>
    public required string Instance { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    /// <summary>When this instance runs the worker again.</summary>
    public DateTime NextRunAt { get; set; }

    /// <summary>The error's message when the pass failed; null when it succeeded.</summary>
    public string? Error { get; set; }

    /// <summary>What it did, by name ({"escalated": 3}).</summary>
    public required JsonDocument Counts { get; set; }

    /// <summary>The pass failed or did something: such passes are kept longer than idle ones (decision 0027).</summary>
    public bool Notable { get; set; }
}

internal sealed class WorkerPassConfiguration : IEntityTypeConfiguration<WorkerPass>
{
    public void Configure(EntityTypeBuilder<WorkerPass> p)
    {
        p.ToTable("worker_passes", Schemas.Ops);
        p.Property(x => x.Worker).HasMaxLength(64);
        p.Property(x => x.Instance).HasMaxLength(128);
        p.Property(x => x.Error).HasMaxLength(1000);
        p.Property(x => x.Counts).HasColumnType("jsonb");
        // the latest pass of each worker on each instance, and the retention's deletes
        p.HasIndex(x => new { x.Worker, x.Instance, x.FinishedAt }).HasDatabaseName("ix_worker_passes_worker_instance_finished")
            .IsDescending(false, false, true);
        p.HasIndex(x => x.FinishedAt).HasDatabaseName("ix_worker_passes_finished");
    }
}
