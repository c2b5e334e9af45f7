using AdminPortal.Data.Identity;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Deed-O tokens: a login token of a user on one platform.</summary>
public class Token
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public DateTime ExpireAt { get; set; }
    public PlatformType PlatformType { get; set; }
}

internal sealed class TokenConfiguration : IEntityTypeConfiguration<Token>
{
    public void Configure(EntityTypeBuilder<Token> token)
    {
        token.ToTable("tokens", Schemas.Auth);
        token.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
