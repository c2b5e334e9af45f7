using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Brands.Queue;

/// <summary>
/// The queue's filters as SQL. The waiting tab is written exactly as the partial index ix_brands_verification_queue's
/// predicate (any document pending), so that tab reads the index in created_at order.
/// </summary>
public static class BrandFilters
{
    public static IQueryable<Brand> Apply(IQueryable<Brand> brands, BrandQueueQuery q)
    {
        const DocumentStatus pending = DocumentStatus.Pending, rejected = DocumentStatus.Rejected, verified = DocumentStatus.Verified;
        brands = q.State switch
        {
            BrandState.Waiting => brands.Where(b => b.IncorporationDocumentStatus == pending || b.GstDocumentStatus == pending
                                                    || b.PanDocumentStatus == pending),
            BrandState.Reupload => brands.Where(b => b.IncorporationDocumentStatus != pending && b.GstDocumentStatus != pending
                && b.PanDocumentStatus != pending && (b.IncorporationDocumentStatus == rejected || b.GstDocumentStatus == rejected
                                                      || b.PanDocumentStatus == rejected)),
            BrandState.Verified => brands.Where(b => b.IncorporationDocumentStatus == verified && b.GstDocumentStatus == verified
                                                     && b.PanDocumentStatus == verified),
            BrandState.Incomplete => brands.Where(b => (b.IncorporationDocumentStatus == DocumentStatus.NotSubmitted
                    || b.GstDocumentStatus == DocumentStatus.NotSubmitted || b.PanDocumentStatus == DocumentStatus.NotSubmitted)
                && b.IncorporationDocumentStatus != pending && b.GstDocumentStatus != pending && b.PanDocumentStatus != pending
                && b.IncorporationDocumentStatus != rejected && b.GstDocumentStatus != rejected && b.PanDocumentStatus != rejected),
            _ => brands,
        };
        if (q.CompanyType is { } type)
            brands = brands.Where(b => b.CompanyType == type);
        if (q.NicheId is { } niche)
            brands = brands.Where(b => b.Niches.Any(n => n.NicheId == niche));
        if (q.DocumentState is { } ds)
            brands = q.Document switch
            {
                BrandDocument.Incorporation => brands.Where(b => b.IncorporationDocumentStatus == ds),
                BrandDocument.Gst => brands.Where(b => b.GstDocumentStatus == ds),
                BrandDocument.Pan => brands.Where(b => b.PanDocumentStatus == ds),
                _ => brands.Where(b => b.IncorporationDocumentStatus == ds || b.GstDocumentStatus == ds || b.PanDocumentStatus == ds),
            };
        if (q.SubmittedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            brands = brands.Where(b => b.CreatedAt >= start);
        }
        if (q.SubmittedTo is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            brands = brands.Where(b => b.CreatedAt < end);
        }
        if (q.EffectiveSearch is { } text)
        {
            var pattern = ProductFilters.Contains(text);
            brands = brands.Where(b => EF.Functions.ILike(b.BrandName!, pattern, "\\") || EF.Functions.ILike(b.LegalEntityName!, pattern, "\\")
                                       || EF.Functions.ILike(b.Email, pattern, "\\") || EF.Functions.ILike(b.Phone!, pattern, "\\"));
        }
        return brands;
    }

    public static IQueryable<Brand> Order(IQueryable<Brand> brands, BrandQueueQuery q) => (q.Sort, q.Descending) switch
    {
        (BrandSort.Name, false) => brands.OrderBy(b => b.BrandName).ThenBy(b => b.Id),
        (BrandSort.Name, true) => brands.OrderByDescending(b => b.BrandName).ThenByDescending(b => b.Id),
        (_, false) => brands.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id),
        _ => brands.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id),
    };
}
