using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>bUnit set up as MudBlazor's own tests do: loose JS interop, MudBlazor services, a popover provider.</summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Render<MudPopoverProvider>();
    }
}
