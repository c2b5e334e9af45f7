using System.Security.Claims;
using AdminPortal.Live;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace AdminPortal.Tests.Live;

/// <remarks>
/// Holds its BunitContext rather than deriving from it: MudBlazor's PopoverService is async-disposable only, and
/// xunit 2 disposes a test class synchronously.
/// </remarks>
public sealed class PresenceAvatarsTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();
    private readonly PresenceTracker _presence;

    public PresenceAvatarsTests()
    {
        var clock = new FakeTimeProvider();
        var feed = new InProcessChangeFeed(new LiveInstance(), clock, NullLogger<InProcessChangeFeed>.Instance);
        _presence = new PresenceTracker(feed, clock, NullLogger<PresenceTracker>.Instance);
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IChangeFeed>(feed);
        _bunit.Services.AddSingleton(_presence);
        _bunit.Services.AddScoped<CircuitIdentity>();
        var auth = _bunit.AddAuthorization();
        auth.SetAuthorized("ben@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "2"), new Claim("name", "Ben Okafor"));
        _bunit.Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        _presence.Dispose();
    }

    [Fact]
    public void Shows_who_else_is_here_and_updates_live_but_not_the_current_user()
    {
        using var asha = _presence.Enter(EntityTypes.Ticket, "42", 1, "Asha Rao", "circuit-1");

        var cut = _bunit.Render<PresenceAvatars>(p => p
            .Add(x => x.EntityType, EntityTypes.Ticket)
            .Add(x => x.EntityId, "42")
            .Add(x => x.Verb, "reviewing"));

        cut.WaitForAssertion(() => Assert.Contains("Asha Rao is reviewing this", cut.Markup));
        Assert.Contains("AR", cut.Markup);
        Assert.DoesNotContain("Ben Okafor is", cut.Markup);
        Assert.Contains(_presence.Who(EntityTypes.Ticket, "42"), p => p.UserName == "Ben Okafor"); // announced

        using var chen = _presence.Enter(EntityTypes.Ticket, "42", 3, "Chen Li", "circuit-3");
        cut.WaitForAssertion(() => Assert.Contains("Chen Li is reviewing this", cut.Markup));

        asha.Dispose();
        cut.WaitForAssertion(() => Assert.DoesNotContain("Asha Rao", cut.Markup));
    }

    [Fact]
    public async Task Leaves_when_disposed()
    {
        var cut = _bunit.Render<PresenceAvatars>(p => p
            .Add(x => x.EntityType, EntityTypes.Product)
            .Add(x => x.EntityId, "9"));
        cut.WaitForAssertion(() => Assert.Single(_presence.Who(EntityTypes.Product, "9")));

        await _bunit.DisposeComponentsAsync();

        Assert.Empty(_presence.Who(EntityTypes.Product, "9"));
    }
}
