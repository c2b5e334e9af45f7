using AdminPortal.Live;
using AdminPortal.Features.Products.Queue;

namespace AdminPortal.Features.Products;

public static class ProductsSetup
{
    /// <summary>The moderation queue: reads, decisions.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddScoped<ProductQueryService>();
        services.AddSharedCache<ProductQueueReads>();
        services.AddScoped<ProductModeration>();
        return services;
    }
}
