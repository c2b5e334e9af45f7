namespace AdminPortal.Features.Creators;

/// <summary>Cloutsy influencer_niches: an influencer's niche.</summary>
public class InfluencerNiche
{
    /// <summary>Cloutsy influencer_niches.id.</summary>
    public int Id { get; set; }

    /// <summary>Cloutsy influencer_niches.influencerId.</summary>
    public int InfluencerId { get; set; }

    public Influencer? Influencer { get; set; }

    /// <summary>Cloutsy influencer_niches.nicheId.</summary>
    public int NicheId { get; set; }

    public Niche? Niche { get; set; }

    /// <summary>Cloutsy influencer_niches.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy influencer_niches.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Cloutsy brand_niches: a niche a brand works in.</summary>
public class BrandNiche
{
    /// <summary>Cloutsy brand_niches.id.</summary>
    public int Id { get; set; }

    /// <summary>Cloutsy brand_niches.brandId.</summary>
    public int BrandId { get; set; }

    public Brand? Brand { get; set; }

    /// <summary>Cloutsy brand_niches.nicheId.</summary>
    public int NicheId { get; set; }

    public Niche? Niche { get; set; }

    /// <summary>Cloutsy brand_niches.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy brand_niches.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }
}
