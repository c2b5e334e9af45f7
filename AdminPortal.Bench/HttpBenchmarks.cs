using System.Diagnostics;
using AdminPortal.Data.Demo;

namespace AdminPortal.Bench;

/// <summary>Figure 3: time to first byte of the prerendered pages over HTTP, signed in, cold (first request) and warm.</summary>
public static class HttpBenchmarks
{
    public static readonly (string Path, string User, string Label)[] Pages =
    [
        ("/", "admin@adminportal.demo", "dashboard"),
        ("/", "moderator@adminportal.demo", "dashboard (moderator)"),
        ("/", "staff.a@adminportal.demo", "dashboard (staff, hostel A)"),
        ("/reports", "admin@adminportal.demo", "reports"),
        ("/products", "moderator@adminportal.demo", "products queue"),
        ("/tickets", "staff.a@adminportal.demo", "tickets queue (staff, hostel A)"),
        ("/users", "admin@adminportal.demo", "users"),
        ("/chats", "moderator@adminportal.demo", "chats"),
    ];

    public static async Task<List<Figure>> TimeToFirstByteAsync(PortalProcess portal, int samples,
        Func<(string Path, string User, string Label), bool>? only = null)
    {
        var figures = new List<Figure>();
        var clients = new Dictionary<string, HttpClient>();
        figures.Add(new Figure("3. prerendered first byte over HTTP (signed in)", "portal start to healthy",
            "process start to the first healthy /healthz answer (polled every 250 ms), the pages' warm-up at start included", "ms",
            portal.StartToHealthy.TotalMilliseconds, portal.StartToHealthy.TotalMilliseconds, 1, null));
        foreach (var (path, user, label) in Pages.Where(p => only is null || only(p)))
        {
            if (!clients.TryGetValue(user, out var http))
                clients[user] = http = await portal.SignInAsync(user, DemoAccounts.Password);
            var cold = await OnceAsync(http, path);
            var warm = new List<double>();
            for (var i = 0; i < samples; i++)
                warm.Add(await OnceAsync(http, path));
            const string note = "page may still be a placeholder on this branch: it measures what is there";
            figures.Add(Figure.From("3. prerendered first byte over HTTP (signed in)", $"{path} ({label}), cold", "first request of the page after the portal started: request sent to first response byte", [cold], 100, note));
            figures.Add(Figure.From("3. prerendered first byte over HTTP (signed in)", $"{path} ({label}), warm", "request sent to first response byte", warm, 100, note));
        }
        foreach (var c in clients.Values)
            c.Dispose();
        return figures;
    }

    private static async Task<double> OnceAsync(HttpClient http, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var one = new byte[1];
        _ = await body.ReadAsync(one);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        await body.CopyToAsync(Stream.Null);
        return elapsed;
    }
}
