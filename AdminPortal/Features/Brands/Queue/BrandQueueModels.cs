using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;

namespace AdminPortal.Features.Brands.Queue;

/// <summary>One row of the brand queue.</summary>
public sealed record BrandRow(int Id, string Name, string? LegalEntity, CompanyType? CompanyType, string Email,
    DocumentStatus Incorporation, DocumentStatus Gst, DocumentStatus Pan, DateTime SubmittedAt, string Niches)
{
    public BrandState State => BrandDocuments.StateOf(Incorporation, Gst, Pan);

    public DocumentStatus StatusOf(BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => Incorporation,
        BrandDocument.Gst => Gst,
        _ => Pan,
    };
}

public sealed record BrandPage(IReadOnlyList<BrandRow> Rows, CountEstimate Total);

/// <summary>A niche for the filter.</summary>
public sealed record NicheOption(int Id, string Name, string? Icon, bool Active);

/// <summary>A document of the brand under review.</summary>
public sealed record BrandDocumentView(BrandDocument Document, string? Url, DocumentStatus Status, BrandChange? LastDecision);

/// <summary>Everything the review page shows of one brand.</summary>
public sealed record BrandDetails(int Id, string Name, string? Username, string Email, string? Phone, bool IsPhoneVerified,
    string? LegalEntity, CompanyType? CompanyType, string? BrandEmail, string? PocName, string? PocDesignation,
    string? PocEmail, string? PocContact, string? Bio, string? ProfileImage, bool IsActive, bool IsProfileCompleted,
    DateTime SubmittedAt, DateTime UpdatedAt, string? Note, IReadOnlyList<string> Niches,
    IReadOnlyList<BrandDocumentView> Documents, IReadOnlyList<BrandChange> History)
{
    public BrandState State => BrandDocuments.StateOf(Documents[0].Status, Documents[1].Status, Documents[2].Status);
}
