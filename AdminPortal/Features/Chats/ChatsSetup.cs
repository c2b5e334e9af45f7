using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.List;

namespace AdminPortal.Features.Chats;

public static class ChatsSetup
{
    /// <summary>The chat browser: group lists, the reason gate, keyset message pages, moderation, ingest.</summary>
    public static IServiceCollection AddChats(this IServiceCollection services)
    {
        services.AddScoped<ChatAccess>();   // scoped = per circuit: grants live as long as the tab's session
        services.AddScoped<GroupQueryService>();
        services.AddScoped<ChatGroupQueryService>();
        services.AddScoped<MessageQueryService>();
        services.AddScoped<MessageModeration>();
        services.AddScoped<MessageIngest>();
        services.AddScoped<AdminPortal.Security.IMediaScope, ChatMediaScope>();
        return services;
    }
}
