using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>
/// Blazor Server's hub accepts only the protocol named "blazorpack" (besides JSON it does not offer): SignalR's
/// MessagePack hub protocol under another name. blazor.web.js does the same with the TypeScript MessagePack protocol
/// (<c>hubProtocol.name = 'blazorpack'</c> in CircuitManager.ts); the wire format is SignalR's MessagePack framing
/// (a varint length before each message), render batches travel as MessagePack binary.
/// </summary>
public sealed class BlazorPackHubProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => 1;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => version == Version;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
