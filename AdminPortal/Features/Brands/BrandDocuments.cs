using AdminPortal.Features.Creators;

namespace AdminPortal.Features.Brands;

/// <summary>The three documents a brand is verified on. Every company type needs all three.</summary>
public enum BrandDocument { Incorporation, Gst, Pan }

/// <summary>
/// Where the brand stands as a whole, from its three document states: waiting (a document waits for a reviewer),
/// new upload requested (a document was rejected and none waits), verified (all three approved), incomplete (the rest:
/// a document never submitted).
/// </summary>
public enum BrandState { Waiting, Reupload, Verified, Incomplete }

/// <summary>The documents' columns, labels and the brand's state derived from them.</summary>
public static class BrandDocuments
{
    public static readonly BrandDocument[] All = [BrandDocument.Incorporation, BrandDocument.Gst, BrandDocument.Pan];

    /// <summary>The column prefix in creators.brands ("gst" for gst_document, gst_document_status).</summary>
    public static string Column(BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => "incorporation",
        BrandDocument.Gst => "gst",
        _ => "pan",
    };

    public static string Label(BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => "Certificate of incorporation",
        BrandDocument.Gst => "GST registration",
        _ => "PAN card",
    };

    public static string Short(BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => "Incorporation",
        BrandDocument.Gst => "GST",
        _ => "PAN",
    };

    /// <summary>A document's state in words; a rejection says it waits for the brand's new upload.</summary>
    public static string Label(DocumentStatus status) => status switch
    {
        DocumentStatus.NotSubmitted => "Not submitted",
        DocumentStatus.Pending => "Waiting for review",
        DocumentStatus.Verified => "Approved",
        _ => "Rejected: new upload requested",
    };

    public static string Label(BrandState state) => state switch
    {
        BrandState.Waiting => "Waiting for review",
        BrandState.Reupload => "New upload requested",
        BrandState.Verified => "Verified",
        _ => "Incomplete",
    };

    public static string Label(CompanyType type) => type switch
    {
        CompanyType.SoleProprietorship => "Sole proprietorship",
        CompanyType.Partnership => "Partnership",
        CompanyType.Llp => "LLP",
        CompanyType.PrivateLimited => "Private limited",
        CompanyType.PublicLimited => "Public limited",
        _ => "One person company",
    };

    public static DocumentStatus StatusOf(Brand brand, BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => brand.IncorporationDocumentStatus,
        BrandDocument.Gst => brand.GstDocumentStatus,
        _ => brand.PanDocumentStatus,
    };

    public static string? UrlOf(Brand brand, BrandDocument document) => document switch
    {
        BrandDocument.Incorporation => brand.IncorporationDocument,
        BrandDocument.Gst => brand.GstDocument,
        _ => brand.PanDocument,
    };

    public static BrandState StateOf(DocumentStatus incorporation, DocumentStatus gst, DocumentStatus pan)
    {
        DocumentStatus[] all = [incorporation, gst, pan];
        if (all.Contains(DocumentStatus.Pending))
            return BrandState.Waiting;
        if (all.Contains(DocumentStatus.Rejected))
            return BrandState.Reupload;
        return all.All(s => s == DocumentStatus.Verified) ? BrandState.Verified : BrandState.Incomplete;
    }

    /// <summary>How a file is shown in place: an image in the viewer, a PDF embedded, anything else as a download.</summary>
    public static DocumentKind KindOf(string? url)
    {
        var path = url?.Split('?', '#')[0] ?? "";
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".svg" => DocumentKind.Image,
            ".pdf" => DocumentKind.Pdf,
            _ => DocumentKind.Download,
        };
    }
}

public enum DocumentKind { Image, Pdf, Download }
