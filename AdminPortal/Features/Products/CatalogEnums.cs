using NpgsqlTypes;

namespace AdminPortal.Features.Products;

/// <summary>Deed-O causes_enum, with the seed's labels.</summary>
public enum Cause
{
    [PgName("Grief care")] GriefCare,
    [PgName("Sustainable fashion")] SustainableFashion,
    [PgName("Sustainable tourism")] SustainableTourism,
    [PgName("Intangible culture and heritage")] IntangibleCultureAndHeritage,
    [PgName("Sustainable food and agriculture")] SustainableFoodAndAgriculture,
}

/// <summary>Deed-O publishing_status_enum: the moderation workflow.</summary>
public enum PublishingStatus
{
    [PgName("published")] Published,
    [PgName("draft")] Draft,
    [PgName("suggestion")] Suggestion,
    [PgName("rejected")] Rejected,
}
