using AdminPortal.Data;
using AdminPortal.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Security.Sessions;

/// <summary>
/// Portal: one signed-in browser (auth.user_sessions). The cookie carries only a random key; this row holds the SHA-256
/// of that key (a copy of the table gives no usable cookie), the ticket, and the session's life: a session is live
/// while not ended, before its absolute expiry, and seen within the idle timeout (<see cref="SessionOptions"/>).
/// </summary>
public class UserSession
{
    /// <summary>The public id (pages, audit, the principal's session claim); never the cookie's key.</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the cookie's key.</summary>
    public required byte[] KeyHash { get; set; }

    public int UserId { get; set; }

    /// <summary>The authentication ticket (Identity's claims and cookie properties), as TicketSerializer writes it.</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>A summary of the user agent ("Chrome on Windows").</summary>
    public required string Device { get; set; }

    /// <summary>The client's address at sign-in.</summary>
    public string? Address { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime AbsoluteExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Who ended it (a user id, no foreign key: like the audit log it outlives who it names); null for the system.</summary>
    public int? EndedById { get; set; }
    public string? EndedByName { get; set; }

    /// <summary>Why: "signed out", "signed out everywhere", "expired", "idle", "password reset", "deactivated", ...</summary>
    public string? EndReason { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> s)
    {
        s.ToTable("user_sessions", Schemas.Auth, t => t.HasComment("Portal sign-in sessions: the auth cookie carries only a key whose SHA-256 is key_hash"));
        s.HasKey(x => x.Id);
        s.Property(x => x.KeyHash).HasMaxLength(32);
        s.HasIndex(x => x.KeyHash).IsUnique();
        s.Property(x => x.Device).HasMaxLength(120);
        s.Property(x => x.Address).HasMaxLength(64);
        s.Property(x => x.EndedByName).HasMaxLength(256);
        s.Property(x => x.EndReason).HasMaxLength(64);
        // a user's sessions, live first then newest (the sessions pages, "end all")
        s.HasIndex(x => new { x.UserId, x.EndedAt, x.StartedAt });
        s.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
