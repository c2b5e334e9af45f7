using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Creators;

/// <summary>Cloutsy influencers: a creator's profile. Signs in with a phone OTP on Cloutsy.</summary>
public class Influencer
{
    /// <summary>Cloutsy influencers.id.</summary>
    public int Id { get; set; }

    /// <summary>Portal: the auth.users row of this influencer when they have a login the portal knows (nullable).</summary>
    public int? UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>Cloutsy influencers.name.</summary>
    public required string Name { get; set; }

    /// <summary>Cloutsy influencers.username (unique).</summary>
    public required string Username { get; set; }

    /// <summary>Cloutsy influencers.email (unique).</summary>
    public required string Email { get; set; }

    /// <summary>Cloutsy influencers.phone (unique).</summary>
    public required string Phone { get; set; }

    /// <summary>Cloutsy influencers.dateOfBirth.</summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Cloutsy influencers.gender.</summary>
    public Gender? Gender { get; set; }

    /// <summary>Cloutsy influencers.bio.</summary>
    public string? Bio { get; set; }

    /// <summary>Cloutsy influencers.profileImage.</summary>
    public string? ProfileImage { get; set; }

    /// <summary>Cloutsy influencers.isPhoneVerified (default false).</summary>
    public bool IsPhoneVerified { get; set; }

    /// <summary>Cloutsy influencers.isActive (default true).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Cloutsy influencers.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy influencers.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }

    public List<InfluencerNiche> Niches { get; set; } = [];
}
