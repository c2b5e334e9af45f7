namespace AdminPortal.Data.Demo.Platform;

public static class PlatformDemoSetup
{
    /// <summary>The demo parts of Deed-O and the chat app: users (100), catalog (200), chat (500).</summary>
    public static IServiceCollection AddPlatformDemo(this IServiceCollection services) => services
        .AddScoped<IDemoDataPart, PlatformUsersDemo>()
        .AddScoped<IDemoDataPart, CatalogDemo>()
        .AddScoped<IDemoDataPart, ChatDemo>();
}
