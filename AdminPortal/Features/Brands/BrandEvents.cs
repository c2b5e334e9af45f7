namespace AdminPortal.Features.Brands;

/// <summary>The change-feed kind and verbs of brand verification, and the audit actions it writes.</summary>
public static class BrandEvents
{
    public const string EntityType = "brand";
    public const string DocumentApproved = "document_approved";
    public const string DocumentRejected = "document_rejected";

    /// <summary>"brand.gst.approve": one audit action per document and verdict, so a document's history reads alone.</summary>
    public static string AuditAction(BrandDocument document, bool approve) =>
        $"brand.{BrandDocuments.Column(document)}.{(approve ? "approve" : "reject")}";

    /// <summary>Written beside the last approval when it makes the brand verified.</summary>
    public const string VerifiedAction = "brand.verified";

    public static string AuditPrefix(BrandDocument document) => $"brand.{BrandDocuments.Column(document)}.";

    /// <summary>"approved the GST registration", from an audit action.</summary>
    public static string Describe(string action)
    {
        if (action == VerifiedAction)
            return "marked the brand verified";
        var parts = action.Split('.');
        if (parts.Length != 3)
            return action;
        var document = BrandDocuments.All.FirstOrDefault(d => BrandDocuments.Column(d) == parts[1]);
        var verb = parts[2] == "approve" ? "approved" : "rejected";
        return $"{verb} the {BrandDocuments.Label(document)}";
    }
}
