using AdminPortal.Features.Brands.Queue;
using AdminPortal.Security;

namespace AdminPortal.Features.Brands;

public static class BrandsSetup
{
    /// <summary>Cloutsy brand verification: the queue's reads, the decisions, the documents' media scope.</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services)
    {
        services.AddScoped<BrandQueryService>();
        services.AddScoped<BrandVerification>();
        services.AddScoped<IMediaScope, BrandMediaScope>();
        return services;
    }
}
