using System.Globalization;
using AdminPortal.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security;

/// <summary>
/// Sits in the layout of every signed-in page and listens to the live feed for changes to the CURRENT user. On one
/// (a revoked or granted role, a deactivation, a deletion) it re-checks the account at once instead of waiting for
/// the periodic revalidation: changed rights are applied to the circuit so the page re-renders under them (a page the
/// user may no longer see shows "Access denied"); a gone account reloads the page, whose cookie (stamp rotated) is
/// refused, so it lands on the sign-in page.
/// </summary>
public sealed class LiveAccessWatcher : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<IdentityOptions> Options { get; set; } = default!;
    [Inject] private ILogger<LiveAccessWatcher> Logger { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _subscription is not null)
            return;
        var state = await Authentication.GetAuthenticationStateAsync();
        if (state.User.UserId() is not { } userId)
            return;
        var key = userId.ToString(CultureInfo.InvariantCulture);
        _subscription = Feed.Subscribe(e => e.Is(EntityTypes.User, key), change =>
        {
            _ = change;
            _ = InvokeAsync(RecheckAsync);
            return Task.CompletedTask;
        });
        StateHasChanged();
    }

    /// <summary>A hidden marker once listening, so tests (and diagnostics) can tell the circuit is watched.</summary>
    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        if (_subscription is null)
            return;
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "hidden", true);
        builder.AddAttribute(2, "data-live-access", "watching");
        builder.CloseElement();
    }

    private async Task RecheckAsync()
    {
        try
        {
            var principal = (await Authentication.GetAuthenticationStateAsync()).User;
            await using var scope = Scopes.CreateAsyncScope();
            var result = await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, Options.Value);
            switch (result.Verdict)
            {
                case CircuitAccessCheck.Verdict.RightsChanged when Authentication is IHostEnvironmentAuthenticationStateProvider host:
                    host.SetAuthenticationState(Task.FromResult(new AuthenticationState(result.Fresh!)));
                    break;
                case CircuitAccessCheck.Verdict.RightsChanged:
                case CircuitAccessCheck.Verdict.AccountGone:
                    Navigation.Refresh(forceReload: true);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogError(ex, "Re-checking the circuit's access failed; the periodic revalidation remains");
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
