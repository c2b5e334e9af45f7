using System.Diagnostics;
using AdminPortal.Data.Local;

namespace AdminPortal.E2E.Infrastructure;

/// <summary>
/// nginx in front of portal instances, configured from the committed docs/nginx/adminportal.conf with the ports
/// replaced, so the deployment doc's config is the one under test.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<NginxProxy> StartAsync(string repositoryRoot, IReadOnlyList<string> upstreams)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"adminportal-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = EmbeddedPostgres.FreeLoopbackPort();
        var site = await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "docs", "nginx", "adminportal.conf"));
        var ports = upstreams.Select(u => new Uri(u).Port).ToArray();
        site = site.Replace("127.0.0.1:5101", $"127.0.0.1:{ports[0]}", StringComparison.Ordinal)
                   .Replace("127.0.0.1:5102", $"127.0.0.1:{ports[1]}", StringComparison.Ordinal)
                   .Replace("listen 8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "adminportal.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/adminportal.conf;
            }
            """);
        var psi = new ProcessStartInfo("nginx") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start nginx");
        var proxy = new NginxProxy(process, folder, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await http.GetAsync($"{proxy.BaseUrl}/healthz")).IsSuccessStatusCode)
                    return proxy;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("nginx did not answer");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
