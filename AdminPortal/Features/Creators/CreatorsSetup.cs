using AdminPortal.Data.Demo;

namespace AdminPortal.Features.Creators;

public static class CreatorsSetup
{
    public static IServiceCollection AddCreators(this IServiceCollection services) =>
        services.AddSingleton<IDemoDataPart, CreatorsDemoData>();
}
