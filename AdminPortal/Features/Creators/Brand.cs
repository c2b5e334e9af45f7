using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Creators;

/// <summary>
/// Cloutsy brands: a business on Cloutsy with its verification documents. The seed's password column is not kept:
/// a brand that signs in is an auth.users row (<see cref="UserId"/>) whose password_hash holds the credential.
/// </summary>
public class Brand
{
    /// <summary>Cloutsy brands.id.</summary>
    public int Id { get; set; }

    /// <summary>Portal: the brand's login in auth.users (nullable), replacing the seed's brands.password.</summary>
    public int? UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>Cloutsy brands.email (unique): the sign-in email.</summary>
    public required string Email { get; set; }

    /// <summary>Cloutsy brands.phone (unique).</summary>
    public string? Phone { get; set; }

    /// <summary>Cloutsy brands.isPhoneVerified (default false).</summary>
    public bool IsPhoneVerified { get; set; }

    /// <summary>Cloutsy brands.brandName.</summary>
    public string? BrandName { get; set; }

    /// <summary>Cloutsy brands.username (unique).</summary>
    public string? Username { get; set; }

    /// <summary>Cloutsy brands.legalEntityName.</summary>
    public string? LegalEntityName { get; set; }

    /// <summary>Cloutsy brands.companyType.</summary>
    public CompanyType? CompanyType { get; set; }

    /// <summary>Cloutsy brands.brandEmailId: the brand's public contact email.</summary>
    public string? BrandEmailId { get; set; }

    /// <summary>Cloutsy brands.pocName: point of contact.</summary>
    public string? PocName { get; set; }

    /// <summary>Cloutsy brands.pocDesignation.</summary>
    public string? PocDesignation { get; set; }

    /// <summary>Cloutsy brands.pocEmailId.</summary>
    public string? PocEmailId { get; set; }

    /// <summary>Cloutsy brands.pocContactNumber.</summary>
    public string? PocContactNumber { get; set; }

    /// <summary>Cloutsy brands.brandBio.</summary>
    public string? BrandBio { get; set; }

    /// <summary>Cloutsy brands.profileImage.</summary>
    public string? ProfileImage { get; set; }

    /// <summary>Cloutsy brands.incorporationDocument: URL of the certificate of incorporation.</summary>
    public string? IncorporationDocument { get; set; }

    /// <summary>Portal: verification state of the incorporation document.</summary>
    public DocumentStatus IncorporationDocumentStatus { get; set; }

    /// <summary>Cloutsy brands.gstDocument: URL of the GST registration certificate.</summary>
    public string? GstDocument { get; set; }

    /// <summary>Portal: verification state of the GST document.</summary>
    public DocumentStatus GstDocumentStatus { get; set; }

    /// <summary>Cloutsy brands.panDocument: URL of the PAN card.</summary>
    public string? PanDocument { get; set; }

    /// <summary>Portal: verification state of the PAN document.</summary>
    public DocumentStatus PanDocumentStatus { get; set; }

    /// <summary>Portal: the reviewer's note on the last decision (the reason, when a document was rejected).</summary>
    public string? VerificationNote { get; set; }

    /// <summary>Portal: the operator (auth.users) who last decided on a document.</summary>
    public int? ReviewedById { get; set; }

    public PortalUser? ReviewedBy { get; set; }

    /// <summary>Portal: when a document was last decided on.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Cloutsy brands.isProfileCompleted (default false).</summary>
    public bool IsProfileCompleted { get; set; }

    /// <summary>Cloutsy brands.isActive (default true).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Cloutsy brands.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy brands.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }

    public List<BrandNiche> Niches { get; set; } = [];
}
