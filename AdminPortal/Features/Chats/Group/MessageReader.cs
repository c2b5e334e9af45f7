namespace AdminPortal.Features.Chats.Group;

/// <summary>One group's messages as the message list reads them, the grant already bound.</summary>
public interface IMessageReader
{
    Task<MessagePage> OlderAsync(MessageCursor? before);
    Task<MessagePage> NewerAsync(MessageCursor after);
    Task<IReadOnlyList<MessageView>> ByIdsAsync(IReadOnlyCollection<Guid> ids);

    /// <summary>Null when the message is not in the group.</summary>
    Task<MessageWindowPage?> AroundAsync(Guid messageId);
    Task<MessageWindowPage> FromDateAsync(DateTime fromUtc);
}

/// <summary>The reader of one granted group: <see cref="MessageQueryService"/> with the grant.</summary>
public sealed class GrantedMessages(MessageQueryService messages, ChatAccessGrant grant) : IMessageReader
{
    public Task<MessagePage> OlderAsync(MessageCursor? before) => messages.OlderAsync(grant, before);
    public Task<MessagePage> NewerAsync(MessageCursor after) => messages.NewerAsync(grant, after);
    public Task<IReadOnlyList<MessageView>> ByIdsAsync(IReadOnlyCollection<Guid> ids) => messages.ByIdsAsync(grant, ids);
    public Task<MessageWindowPage?> AroundAsync(Guid messageId) => messages.AroundAsync(grant, messageId);
    public Task<MessageWindowPage> FromDateAsync(DateTime fromUtc) => messages.FromDateAsync(grant, fromUtc);
}

/// <summary>The reader before any grant: no messages (the list reads nothing until it has one).</summary>
public sealed class NoMessages : IMessageReader
{
    private static readonly MessagePage Empty = new([], false);

    public Task<MessagePage> OlderAsync(MessageCursor? before) => Task.FromResult(Empty);
    public Task<MessagePage> NewerAsync(MessageCursor after) => Task.FromResult(Empty);
    public Task<IReadOnlyList<MessageView>> ByIdsAsync(IReadOnlyCollection<Guid> ids) => Task.FromResult<IReadOnlyList<MessageView>>([]);
    public Task<MessageWindowPage?> AroundAsync(Guid messageId) => Task.FromResult<MessageWindowPage?>(null);
    public Task<MessageWindowPage> FromDateAsync(DateTime fromUtc) => Task.FromResult(new MessageWindowPage([], false, false, null));
}
