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

internal sealed class ModerationCauseDayConfiguration : IEntityTypeConfiguration<ModerationCauseDay>
{
    public void Configure(EntityTypeBuilder<ModerationCauseDay> m)
    {
        m.ToTable("moderation_daily_cause", Schemas.Reporting);
        m.HasKey(x => new { x.Day, x.Cause, x.Outcome });
    }
}

internal sealed class ModerationWaitDayConfiguration : IEntityTypeConfiguration<ModerationWaitDay>
{
    public void Configure(EntityTypeBuilder<ModerationWaitDay> m)
    {
        m.ToTable("moderation_daily_wait", Schemas.Reporting);
        m.HasKey(x => new { x.Day, x.WaitBucket });
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

internal sealed class OpenTicketCountConfiguration : IEntityTypeConfiguration<OpenTicketCount>
{
    public void Configure(EntityTypeBuilder<OpenTicketCount> t)
    {
        t.ToTable("ticket_open", Schemas.Reporting);
        t.HasKey(x => new { x.HostelId, x.CategoryId, x.StaffId, x.Status, x.EscalationLevel });
        // "my open tickets" and an assignee branch of a staff member's scope
        t.HasIndex(x => x.StaffId);
        t.HasIndex(x => x.CategoryId);
    }
}

internal sealed class DueTicketCountConfiguration : IEntityTypeConfiguration<DueTicketCount>
{
    public void Configure(EntityTypeBuilder<DueTicketCount> t)
    {
        t.ToTable("ticket_due", Schemas.Reporting);
        t.HasKey(x => new { x.HostelId, x.CategoryId, x.StaffId, x.Running, x.DueDay });
        // the scope's category and assignee branches (the key leads with the hostel)
        t.HasIndex(x => new { x.CategoryId, x.DueDay });
        t.HasIndex(x => new { x.StaffId, x.DueDay });
    }
}

internal sealed class ProductStatusCountConfiguration : IEntityTypeConfiguration<ProductStatusCount>
{
    public void Configure(EntityTypeBuilder<ProductStatusCount> p)
    {
        p.ToTable("product_status", Schemas.Reporting);
        p.HasKey(x => new { x.Status, x.Cause });
    }
}
