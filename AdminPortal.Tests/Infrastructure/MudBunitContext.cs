using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>
/// bUnit set up as MudBlazor's own tests do: loose JS interop, MudBlazor services, a popover provider rendered before
/// the component under test. Add services before the first render; disposal is asynchronous (MudBlazor's services
/// are IAsyncDisposable only).
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    /// <summary>Renders the MudBlazor providers, then the component.</summary>
    protected IRenderedComponent<T> RenderWithMud<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        return parameters is null ? Render<T>() : Render(parameters);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
