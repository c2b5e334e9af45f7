using AdminPortal.Data.Demo;
using AdminPortal.Features.Creators.Influencers;
using AdminPortal.Features.Creators.Niches;

namespace AdminPortal.Features.Creators;

public static class CreatorsSetup
{
    /// <summary>Cloutsy: the demo data, the niche catalogue's reads and actions.</summary>
    public static IServiceCollection AddCreators(this IServiceCollection services) =>
        services.AddSingleton<IDemoDataPart, CreatorsDemoData>()
            .AddScoped<NicheQueryService>()
            .AddScoped<NicheCatalogue>()
            .AddScoped<InfluencerQueryService>()
            .AddScoped<InfluencerActions>();
}
