using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it opens the circuit (ComponentDescriptorDiscovery.ts):
/// the start markers of the interactive server components, <c>&lt;!--Blazor:{"type":"server","prerenderId":...,
/// "key":{...},"sequence":0,"descriptor":"CfDJ8..."}--&gt;</c> (the descriptor is data-protected by the server: the
/// client passes it back untouched), in document order; and the state the prerender persisted for the circuit,
/// <c>&lt;!--Blazor-Server-Component-State:BASE64--&gt;</c>, which the circuit restores instead of reading again.
/// End markers (<c>{"prerenderId":"..."}</c>, one key) only close a start marker and are skipped.
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<string> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Marker().Matches(html))
        {
            var json = m.Groups[1].Value;
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("type", out var type) || type.GetString() != "server")
                continue;
            // a streamed prerender may repeat a component's markers in a later <blazor-ssr> chunk: the first counts
            var id = doc.RootElement.TryGetProperty("prerenderId", out var p) ? p.GetString() ?? json : json;
            if (seen.Add(id))
                markers.Add(json);
        }
        var state = State().Matches(html).LastOrDefault()?.Groups[1].Value ?? "";
        return new PrerenderedPage(markers, state);
    }

    /// <summary>
    /// The first <c>UpdateRootComponents</c> batch blazor.web.js sends (WebRootComponentManager.ts): one "add" per
    /// server component, numbered from 1 (its <c>ssrComponentId</c>), each carrying its marker as the page had it.
    /// </summary>
    public string AddOperations(long batchId = 1)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("batchId", batchId);
            w.WriteStartArray("operations");
            for (var i = 0; i < ServerMarkers.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("type", "add");
                w.WriteNumber("ssrComponentId", i + 1);
                w.WritePropertyName("marker");
                w.WriteRawValue(ServerMarkers[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
