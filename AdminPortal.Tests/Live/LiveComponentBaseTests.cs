using AdminPortal.Live;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

public sealed class LiveComponentBaseTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();
    private readonly InProcessChangeFeed _feed =
        new(new LiveInstance(), new FakeTimeProvider(), NullLogger<InProcessChangeFeed>.Instance);

    public LiveComponentBaseTests() => _bunit.Services.AddSingleton<IChangeFeed>(_feed);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _feed.DisposeAsync();
    }

    [Fact]
    public async Task Reloads_on_relevant_events_and_unsubscribes_when_disposed()
    {
        var cut = _bunit.Render<TicketCounter>();
        cut.WaitForAssertion(() => Assert.Equal(1, _feed.SubscriberCount));

        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, "1", ChangeActions.Updated));
        cut.WaitForAssertion(() => Assert.Equal("reloads: 1", cut.Markup));
        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Product, "1", ChangeActions.Updated));
        _feed.Resync();
        cut.WaitForAssertion(() => Assert.Equal("reloads: 2", cut.Markup));
        Assert.Equal(["ticket:1", "feed:*"], cut.Instance.Seen);   // the resync came through; the product did not

        await _bunit.DisposeComponentsAsync();
        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public async Task A_burst_of_events_is_handled_in_publish_order()
    {
        var cut = _bunit.Render<TicketCounter>();
        cut.WaitForAssertion(() => Assert.Equal(1, _feed.SubscriberCount));
        var ids = Enumerable.Range(1, 300).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        foreach (var id in ids)
            await _feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, id, ChangeActions.Updated));

        cut.WaitForAssertion(() => Assert.Equal(ids.Count, cut.Instance.Seen.Count), TimeSpan.FromSeconds(10));
        Assert.Equal(ids.Select(id => "ticket:" + id), cut.Instance.Seen);
    }

    internal sealed class TicketCounter : LiveComponentBase
    {
        private int _reloads;
        public List<string> Seen { get; } = [];
        protected override Task OnChangeAsync(ChangeEvent change)
        {
            Seen.Add($"{change.EntityType}:{change.EntityId}");
            return base.OnChangeAsync(change);
        }
        protected override TimeSpan CoalesceWindow => TimeSpan.Zero;
        protected override bool IsRelevant(ChangeEvent change) => change.Is(EntityTypes.Ticket);
        protected override Task ReloadAsync() { _reloads++; return Task.CompletedTask; }
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"reloads: {_reloads}");
    }
}
