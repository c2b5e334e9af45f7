using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AdminPortal.Features.Chats.Group.Components;

/// <summary>
/// The browser half of the message list (MessageList.razor.js): loads older and newer pages as the reader scrolls,
/// keeps the message in view in place when the window changes, scrolls to the bottom or to a message. Without it
/// (no JS yet, or it failed to load) the list still works through its load buttons.
/// </summary>
public sealed class MessageScroller : IAsyncDisposable
{
    private const string ModulePath = "./Features/Chats/Group/Components/MessageList.razor.js";

    private IJSObjectReference? _module;
    private ElementReference _list;

    public bool Attached => _module is not null;

    /// <summary>Attaches the scroll handlers of <paramref name="list"/>; they call <paramref name="component"/>'s JSInvokable methods.</summary>
    public async Task AttachAsync<T>(IJSRuntime js, ElementReference list, DotNetObjectReference<T> component) where T : class
    {
        try
        {
            _list = list;
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await _module.InvokeVoidAsync("attach", list, component);
        }
        catch (JSException)
        {
            _module = null;   // no scroll helpers: the load buttons still work
        }
    }

    /// <summary>Remembers the message in view, to put it back after the window changed.</summary>
    public Task CaptureAsync() => CallAsync("capture");

    public Task ScrollAsync(ScrollTo scroll, Guid? focus) => scroll switch
    {
        ScrollTo.Bottom => CallAsync("scrollToBottom"),
        ScrollTo.Anchor => CallAsync("restore"),
        ScrollTo.Focus => _module?.InvokeVoidAsync("scrollToMessage", _list, focus.ToString()).AsTask() ?? Task.CompletedTask,
        _ => Task.CompletedTask,
    };

    /// <summary>True when the reader is at the live end (or the list cannot tell).</summary>
    public async Task<bool> IsNearBottomAsync() => _module is null || await _module.InvokeAsync<bool>("isNearBottom", _list);

    private Task CallAsync(string function) => _module?.InvokeVoidAsync(function, _list).AsTask() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try { await _module.DisposeAsync(); }
        catch (JSDisconnectedException) { }
    }
}
