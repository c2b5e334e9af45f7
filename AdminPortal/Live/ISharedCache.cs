namespace AdminPortal.Live;

/// <summary>
/// A singleton that keeps reads shared between circuits (<see cref="SharedReads{TKey,TValue}"/>). Registered with
/// <see cref="SharedCacheRegistration.AddSharedCache{T}"/>, so whatever must start from a clean slate (the test fixture
/// after emptying the database) drops every one of them without knowing their names.
/// </summary>
public interface ISharedCache
{
    void Invalidate();
}

public static class SharedCacheRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton, and as one of the instance's shared caches.</summary>
    public static IServiceCollection AddSharedCache<T>(this IServiceCollection services) where T : class, ISharedCache
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISharedCache>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
