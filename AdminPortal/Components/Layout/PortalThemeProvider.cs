using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AdminPortal.Components.Layout;

/// <summary>
/// The portal theme's styles: exactly what <see cref="MudThemeProvider"/> writes (the theme's CSS variables as a
/// ~11,600-character <c>&lt;style&gt;</c>, the scrollbar's and the charts' styles), rendered once per theme for the
/// whole process by a static renderer and written by every circuit as that one string (decisions 0052, 0055).
/// MudThemeProvider itself, as a component of every circuit, also built a MudTheme of its own (~100 colour objects),
/// kept its parameter states, and on its first render made two JS calls and a .NET reference to watch the system's
/// dark mode, which the portal does not follow (the theme is the user's choice, kept in a cookie).
/// </summary>
public sealed class PortalThemeProvider : ComponentBase
{
    private static readonly ConcurrentDictionary<bool, Task<string>> Rendered = new();

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ILoggerFactory Loggers { get; set; } = default!;

    /// <summary>The dark palette instead of the light one.</summary>
    [Parameter] public bool IsDarkMode { get; set; }

    private string? _markup;

    protected override async Task OnParametersSetAsync()
    {
        var rendering = Rendered.GetOrAdd(IsDarkMode, dark => RenderAsync(dark, Scopes, Loggers));
        try
        {
            _markup = await rendering;   // completed after the process's first page: no second render
        }
        catch
        {
            Rendered.TryRemove(new KeyValuePair<bool, Task<string>>(IsDarkMode, rendering));   // the next page tries again
            throw;
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (_markup is not null)
            builder.AddMarkupContent(0, _markup);
    }

    /// <summary>
    /// MudThemeProvider's own output for the portal theme, as HTML, rendered in a DI scope of its own: disposing it
    /// calls JS to stop a watch it never started, which there reaches no browser (MudBlazor ignores that failure).
    /// </summary>
    public static async Task<string> RenderAsync(bool dark, IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
    }
}
