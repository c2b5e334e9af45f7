using AdminPortal.Data.Identity;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Chat app relationships: friend, blocked, ... between two users, with a request status.</summary>
public class UserRelationship
{
    public const string Friend = "friend", Blocked = "blocked";
    public const string Pending = "pending", Accepted = "accepted", Rejected = "rejected";

    public Guid Id { get; set; }
    public int UserId { get; set; }
    public int RelatedUserId { get; set; }
    public required string Type { get; set; }
    public required string Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserRelationshipConfiguration : IEntityTypeConfiguration<UserRelationship>
{
    public void Configure(EntityTypeBuilder<UserRelationship> r)
    {
        r.ToTable("relationships", Schemas.Auth);
        r.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        r.Property(x => x.Type).HasMaxLength(20);
        r.Property(x => x.Status).HasMaxLength(20);
        r.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        r.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        r.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.RelatedUserId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.UserId, x.RelatedUserId }).IsUnique().HasDatabaseName("relationships_user_id_related_user_id_unique");
        r.HasIndex(x => x.RelatedUserId);
    }
}
