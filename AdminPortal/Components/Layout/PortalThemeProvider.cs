using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace AdminPortal.Components.Layout;

/// <summary>
/// MudThemeProvider whose output (the theme's CSS variables as a ~11,600-character <c>&lt;style&gt;</c>, the scrollbar's
/// and the charts' styles) is one string per theme for the whole process, not a new one per circuit and render that
/// every circuit keeps in its render tree (decision 0052). The string is what MudThemeProvider itself renders, taken
/// once from its own render; anything else than static markup in it and the provider renders as MudBlazor's does.
/// </summary>
public sealed class PortalThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme?, bool, bool), string?> Rendered = new();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
#pragma warning disable MUD0010, MUD0012   // reading its own parameters, as set by its parent (the layout), for the key
        var key = (Theme, IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010, MUD0012
        if (!Rendered.TryGetValue(key, out var markup))
            Rendered[key] = markup = Capture();
        if (markup is null)
            base.BuildRenderTree(builder);
        else
            builder.AddMarkupContent(0, markup);
    }

    /// <summary>MudThemeProvider's own render as one string, or null when it is more than static markup.</summary>
    private string? Capture()
    {
        var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var markup = new StringBuilder();
#pragma warning disable BL0006   // reading a finished render tree, not writing one
        var frames = scratch.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != RenderTreeFrameType.Markup)
                return null;
            markup.Append(frames.Array[i].MarkupContent);
        }
#pragma warning restore BL0006
        return markup.ToString();
    }
}
