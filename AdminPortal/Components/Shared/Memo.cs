using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AdminPortal.Components.Shared;

/// <summary>
/// Renders its content again only when <see cref="On"/> changed (by value), not on every render of its parent. A
/// live queue re-renders for each event on every open circuit; wrapped in Memo, the parts an event did not touch
/// (filters, tabs, the other rows) cost a comparison instead of a render.
/// </summary>
/// <remarks>
/// <see cref="On"/> must hold everything the content reads from its parent (a tuple of values or records). Event
/// handlers in the content keep the closures of the render that produced them: do not capture values left out of
/// <see cref="On"/> (such as a row's index) in them.
/// </remarks>
/// <example><code>
/// &lt;Memo @key="row.Id" On="@((row, selected, isCursor))"&gt;&lt;tr&gt;...&lt;/tr&gt;&lt;/Memo&gt;
/// </code></example>
public sealed class Memo : ComponentBase
{
    private object? _rendered;

    /// <summary>What the content depends on; compared with <see cref="object.Equals(object?, object?)"/>.</summary>
    [Parameter, EditorRequired] public object? On { get; set; }

    [Parameter] public RenderFragment? ChildContent { get; set; }

    // the first render always happens (ComponentBase does not ask ShouldRender then)
    protected override bool ShouldRender() => !Equals(On, _rendered);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _rendered = On;
        builder.AddContent(0, ChildContent);
    }
}
