namespace AdminPortal.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The signed-in user's notifications (the app bar's bell); the outbox dispatcher writes them.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationFeed>();
        return services;
    }
}
