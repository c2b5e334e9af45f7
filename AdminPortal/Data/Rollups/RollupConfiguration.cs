using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Rollups;

internal sealed class ModerationDayConfiguration : IEntityTypeConfiguration<ModerationDay>
{
    public void Configure(EntityTypeBuilder<ModerationDay> m)
    {
        m.ToTable("moderation_daily", Schemas.Reporting);
        m.HasKey(x => new { x.Day, x.ModeratorId, x.Cause, x.Outcome, x.WaitBucket });
        // a moderator's own figures (today, this week) without walking every moderator's days
        m.HasIndex(x => new { x.ModeratorId, x.Day });
    }
}

internal sealed class TicketDayConfiguration : IEntityTypeConfiguration<TicketDay>
{
    public void Configure(EntityTypeBuilder<TicketDay> t)
    {
        t.ToTable("ticket_daily", Schemas.Reporting);
        t.HasKey(x => new { x.Day, x.HostelId, x.CategoryId, x.StaffId, x.Measure, x.Bucket });
        t.HasIndex(x => new { x.Measure, x.Day });
    }
}

internal sealed class UserDayConfiguration : IEntityTypeConfiguration<UserDay>
{
    public void Configure(EntityTypeBuilder<UserDay> u)
    {
        u.ToTable("user_daily", Schemas.Reporting);
        u.HasKey(x => new { x.Day, x.Status, x.Platform, x.Deleted });
    }
}
