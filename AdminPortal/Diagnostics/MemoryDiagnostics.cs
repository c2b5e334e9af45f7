using System.Diagnostics;
using System.Net;
using AdminPortal.Security;

namespace AdminPortal.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/memory</c>, for the benchmark's memory-per-circuit figure: forces a full GC and returns the
/// managed heap and the working set. Mapped only in Development (PortalPipeline), only for admins, only from loopback.
/// </summary>
public static class MemoryDiagnostics
{
    public sealed record MemoryReport(long ManagedHeapBytes, long WorkingSetBytes, long GcTotalMemoryBytes, int Gen2Collections);

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_diagnostics/memory", (HttpContext context) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !IPAddress.IsLoopback(remote))
                return Results.NotFound();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo();
            return Results.Ok(new MemoryReport(info.HeapSizeBytes, process.WorkingSet64, GC.GetTotalMemory(false), GC.CollectionCount(2)));
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Admin));
        return app;
    }
}
