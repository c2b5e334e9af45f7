using System.Globalization;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Features.Audit.Log;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Audit;

/// <summary>
/// POST /audit/export.csv (the log's filters as form fields, with an antiforgery token; no GET, for the reason of
/// <see cref="UsersExport"/>): every record the filters match, newest first, streamed row by row, formula-safe
/// (<see cref="UsersExport.Cell"/>), and itself audited before the first byte.
/// </summary>
public static class AuditExport
{
    public const string Path = "/audit/export.csv";
    public const string Action = "audit.export";
    public const string EntityType = "audit";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, WriteAsync).RequireAuthorization(nameof(Permission.ReadAuditLog));
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, IDbContextFactory<PortalDbContext> dbFactory,
        ActorResolver actors, AuditLogQueryService log, AuditTrail audit, TimeProvider clock, IAntiforgery antiforgery,
        CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        PortalActor actor;
        try
        {
            actor = await actors.RequireAsync(http.User, Permission.ReadAuditLog, ct);
        }
        catch (AccessDeniedException)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var form = await http.Request.ReadFormAsync(ct);
        var query = AuditLogQuery.FromValues(name => form.TryGetValue(name, out var v) ? v.ToString() : null) with { Before = null };
        var zone = ViewerClock.FindZone(http.Request.Cookies[ViewerClock.CookieName]) ?? TimeZoneInfo.Utc;
        await using (var record = await dbFactory.CreateDbContextAsync(ct))
        {
            audit.Add(record, actor.ToAudit() with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() },
                Action, EntityType, "*", null, new { query.Actor, query.Action, query.EntityType, query.EntityId, query.From, query.To, Zone = zone.Id });
            await record.SaveChangesAsync(ct);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 16 * 1024);
        await writer.WriteAsync(UsersExport.Line(["id", "at_utc", "actor_id", "actor_name", "action", "entity_type",
            "entity_id", "reason", "client_address", "before", "after"]));
        await foreach (var r in log.StreamAsync(db, query, zone, ct))
        {
            await writer.WriteAsync(UsersExport.Line([
                r.Id.ToString(CultureInfo.InvariantCulture), r.At.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                r.ActorId?.ToString(CultureInfo.InvariantCulture), r.ActorName, r.Action, r.EntityType, r.EntityId,
                r.Reason, r.ClientAddress, r.Before, r.After,
            ]));
        }
        await writer.FlushAsync(ct);
    }
}
