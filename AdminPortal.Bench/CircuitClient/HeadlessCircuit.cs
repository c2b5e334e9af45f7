using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>
/// One Blazor Server circuit without a browser (decision 0037; what the ASP.NET Core team's Ignitor client did):
/// GET the page with the role's cookie, read its markers and persisted state, connect to <c>/_blazor</c> with the
/// blazorpack protocol and start the circuit as blazor.web.js does in .NET 10 (CircuitManager.ts,
/// WebRootComponentManager.ts): <c>StartCircuit(baseUri, uri, "[]", state)</c> (no components: the web script adds
/// them afterwards), then <c>UpdateRootComponents</c> with one "add" per marker and the same state. From then on the
/// server pushes <c>JS.RenderBatch</c>; every batch is acknowledged with <c>OnRenderCompleted(id, null)</c> (the
/// server holds at most 10 unacknowledged batches, then stops rendering the circuit), and JS interop calls are
/// answered. The DOM is not built: a batch is counted and timed, not applied.
/// </summary>
public sealed class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly PortalSession _session;
    private readonly CircuitJournal? _journal;
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextJsObjectId;
    private int _batches;
    private long _bytes;
    private int _armed;
    private long _arrival;
    private bool _disposing;

    public string Path { get; }

    /// <summary>The circuit's secret id (StartCircuit's answer): what a reconnect or the disconnect beacon names.</summary>
    public string? CircuitId { get; private set; }

    public int Batches => Volatile.Read(ref _batches);
    public long BatchBytes => Interlocked.Read(ref _bytes);

    /// <summary>Each render batch as it arrives (before it is acknowledged), for a caller that wants to read it.</summary>
    public event Action<HeadlessCircuit, byte[]>? BatchReceived;

    /// <summary>The first thing that went wrong on this circuit (JS.Error, the connection closed), or null.</summary>
    public string? Error { get; private set; }

    private HeadlessCircuit(PortalSession session, string path, CircuitJournal? journal, TimeSpan serverTimeout)
    {
        _session = session;
        _journal = journal;
        Path = path;
        var builder = new HubConnectionBuilder()
            // WebSockets straight away: the browser negotiates first (one POST) and lands on WebSockets too
            .WithUrl(new Uri(session.BaseAddress, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.Cookies = session.Cookies;
            })
            .WithServerTimeout(serverTimeout);
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        _hub = builder.Build();

        // Handlers run one at a time in arrival order (the SignalR client's receive loop), as in the browser.
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 sends six arguments: asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", BeginInvokeJSAsync);
        _hub.On<string, bool, string>("JS.EndInvokeDotNet", (_, _, _) => { });   // this client never calls .NET
        _hub.On<int, string>("JS.AttachComponent", (_, _) => { });               // no DOM to attach to
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
        // asked (a client result) only when the server pauses the circuit: keep nothing, say yes
        _hub.On<string, string, string, bool>("JS.SavePersistedState", (_, _, _) => true);
        _hub.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        _hub.Closed += ex =>
        {
            if (!_disposing)
            {
                var why = "connection closed" + (ex is null ? "" : ": " + ex.Message);
                Error ??= why;
                _journal?.ClosedByServer(why);
                _firstBatch.TrySetException(new InvalidOperationException(why));
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>Opens the page <paramref name="path"/> as a circuit; returns when its first render batch arrived.</summary>
    public static async Task<HeadlessCircuit> OpenAsync(PortalSession session, string path, CircuitJournal? journal = null,
        TimeSpan? timeout = null, TimeSpan? serverTimeout = null, CancellationToken ct = default)
    {
        var html = await session.Http.GetStringAsync(path, ct);
        var page = PrerenderedPage.Parse(html);
        if (page.ServerMarkers.Count == 0)
            throw new InvalidOperationException($"GET {path}: the page has no interactive server component (signed out?)");
        var circuit = new HeadlessCircuit(session, path, journal, serverTimeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await circuit.StartAsync(page, timeout ?? TimeSpan.FromSeconds(60), ct);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(PrerenderedPage page, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        await _hub.StartAsync(limit.Token);
        var baseUri = _session.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";   // document.baseURI (<base href="/">)
        var uri = new Uri(_session.BaseAddress, Path).ToString();                      // location.href
        CircuitId = await _hub.InvokeAsync<string?>("StartCircuit", baseUri, uri, "[]", page.ApplicationState, limit.Token);
        if (string.IsNullOrEmpty(CircuitId))
            throw new InvalidOperationException($"StartCircuit for {Path} returned no circuit id ({Error ?? "no error said"})");
        await _hub.SendAsync("UpdateRootComponents", page.AddOperations(), page.ApplicationState, limit.Token);
        await _firstBatch.Task.WaitAsync(limit.Token);
    }

    private Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _armed) == 1)
            Interlocked.CompareExchange(ref _arrival, now, 0);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _bytes, data.Length);
        _firstBatch.TrySetResult();
        BatchReceived?.Invoke(this, data);
        // acknowledged as RenderQueue.ts does after applying it, re-sent batches (a lower id) included
        return _hub.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    /// <summary>
    /// Answers a JS interop call from .NET as DotNet.jsCallDispatcher does (Microsoft.JSInterop.js): when the caller
    /// awaits it (asyncHandle != 0), <c>EndInvokeJSFromDotNet(handle, true, "[handle,true,result]")</c>. The result is
    /// null, except where .NET asked for a JS object reference (resultType 1): then a new <c>{"__jsObjectId":n}</c>,
    /// so calls on that object (targetInstanceId n) arrive and are answered null too.
    /// </summary>
    private Task BeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        _journal?.JsCall(identifier);
        if (asyncHandle == 0)
            return Task.CompletedTask;
        var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}" : "null";
        return _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    private void Fail(string why)
    {
        if (_disposing)
            return;   // after the beacon the server refuses this circuit's last acknowledgements: expected
        Error ??= why;
        _journal?.Error(why);
        _firstBatch.TrySetException(new InvalidOperationException(why));
    }

    /// <summary>From now on, remember when the next render batch arrives (<see cref="ArrivalTimestamp"/>).</summary>
    public void Arm()
    {
        Interlocked.Exchange(ref _arrival, 0);
        Volatile.Write(ref _armed, 1);
    }

    /// <summary>The Stopwatch timestamp of the first batch since <see cref="Arm"/>, or null if none came yet.</summary>
    public long? ArrivalTimestamp => Interlocked.Read(ref _arrival) is var t and not 0 ? t : null;

    /// <summary>
    /// Closes as a tab does: the disconnect beacon (<c>POST _blazor/disconnect</c>, form field circuitId) ends the
    /// circuit at once, instead of keeping it for a reconnection (3 minutes, up to 100 of them), then the socket closes.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        if (CircuitId is not null)
        {
            try
            {
                using var beacon = await _session.Http.PostAsync("_blazor/disconnect",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = CircuitId }));
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        await _hub.DisposeAsync();
    }
}
