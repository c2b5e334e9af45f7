namespace AdminPortal.Features.Search;

public static class SearchSetup
{
    /// <summary>Everyone with a list to search: the app bar's one search box.</summary>
    public static IServiceCollection AddGlobalSearch(this IServiceCollection services) => services.AddScoped<IGlobalSearch, GlobalSearch>();
}
