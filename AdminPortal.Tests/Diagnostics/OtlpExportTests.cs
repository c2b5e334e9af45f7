using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AdminPortal.Tests.Diagnostics;

/// <summary>
/// With the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the portal sends its traces (requests and Npgsql's
/// commands) over OTLP: here to a collector stand-in on loopback that keeps what it is sent.
/// </summary>
[Collection(SoloDatabaseCollection.Name)]
public sealed class OtlpExportTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Traces_of_a_request_and_its_queries_reach_the_otlp_endpoint()
    {
        await Fixture.SeedDemoAsync();
        using var collector = new Collector();
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development", new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["Telemetry:TraceSampleRatio"] = "1",
        });
        using var admin = await host.SignedInClientAsync("admin@adminportal.demo");
        using (var page = await admin.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(30_000), "the traces were not flushed");

        var traces = collector.Received("/v1/traces");
        Assert.Contains("postgresql", traces);    // db.system.name of Npgsql's spans
        Assert.Contains("http.route", traces);    // ASP.NET Core's request spans
        Assert.Contains("AdminPortal", traces);   // service.name
    }

    /// <summary>Answers 200 to every OTLP/HTTP post and keeps the bodies by path (protobuf: the strings are readable).</summary>
    private sealed class Collector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, byte[] Body)> _posts = [];

        public Collector()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public string Received(string path)
        {
            lock (_posts)
                return string.Join('\n', _posts.Where(p => p.Path == path).Select(p => Encoding.UTF8.GetString(p.Body)));
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_posts)
                    _posts.Add((context.Request.Url?.AbsolutePath ?? "", body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
