using AdminPortal.Features.Notifications.Centre;
using AdminPortal.Features.Notifications.Email;
using AdminPortal.Features.Notifications.Moderation;
using AdminPortal.Features.Notifications.Preferences;

namespace AdminPortal.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Everyone's notifications: the bell, the centre, the preferences; moderators' review visits and the
    /// waiting-suggestions pass; e-mail through SMTP when configured (the outbox dispatcher sends it).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<NotificationsOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<EmailSender>();
        services.AddScoped<NotificationCentre>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<ReviewVisits>();
        services.AddSingleton<WaitingSuggestionsPass>();
        if (configuration.GetValue("Tickets:RunWorkers", true))
            services.AddHostedService(sp => sp.GetRequiredService<WaitingSuggestionsPass>());
        return services;
    }
}
