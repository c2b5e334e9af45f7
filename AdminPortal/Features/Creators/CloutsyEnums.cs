using NpgsqlTypes;

namespace AdminPortal.Features.Creators;

/// <summary>Cloutsy influencers.gender (an enum in the seed, which lists no labels: these are the portal's).</summary>
public enum Gender
{
    [PgName("male")] Male,
    [PgName("female")] Female,
    [PgName("other")] Other,
    [PgName("prefer_not_to_say")] PreferNotToSay,
}

/// <summary>Cloutsy brands.companyType (an enum in the seed without labels: India's company forms, as GST/PAN imply).</summary>
public enum CompanyType
{
    [PgName("sole_proprietorship")] SoleProprietorship,
    [PgName("partnership")] Partnership,
    [PgName("llp")] Llp,
    [PgName("private_limited")] PrivateLimited,
    [PgName("public_limited")] PublicLimited,
    [PgName("one_person_company")] OnePersonCompany,
}

/// <summary>
/// Portal: the verification state of one brand document (incorporation, GST, PAN). The seed keeps only the document;
/// the brand verification queue needs its state.
/// </summary>
public enum DocumentStatus
{
    [PgName("not_submitted")] NotSubmitted,
    [PgName("pending")] Pending,
    [PgName("verified")] Verified,
    [PgName("rejected")] Rejected,
}
