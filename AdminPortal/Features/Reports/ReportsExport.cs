using System.Text;
using AdminPortal.Data;
using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Reports;

/// <summary>
/// POST /reports/export.csv (form fields report, from, to and an antiforgery token; no GET, as the users export): the
/// report's table as the page shows it, in the viewer's scope, written row by row with the users export's
/// formula-safe cells, and audited (report.export) before the first byte.
/// </summary>
public static class ReportsExport
{
    public const string Path = "/reports/export.csv";
    public const string AuditAction = "report.export";

    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, WriteAsync).RequireAuthorization(nameof(Permission.ViewDashboard));
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, ReportService reports,
        ActorResolver actors, AuditTrail audit, TimeProvider clock, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var query = ReportQuery.Read(Field("report"), Field("from"), Field("to"), DashboardDays.Today(clock), ReportKind.TatByCategory);
        ReportTable table;
        PortalActor actor;
        try
        {
            actor = await actors.RequireAsync(http.User, ReportQuery.Needs(query.Kind), ct);
            table = await reports.ReadAsync(http.User, query, ct);
        }
        catch (AccessDeniedException)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await using (var log = await dbFactory.CreateDbContextAsync(ct))
        {
            audit.Add(log, actor.ToAudit() with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() },
                AuditAction, "report", QueryValuesKind(query), null, new { report = query.Kind.ToString(), query.From, query.To });
            await log.SaveChangesAsync(ct);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{QueryValuesKind(query)}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 16 * 1024);
        await writer.WriteAsync(UsersExport.Line(table.Columns));
        foreach (var row in table.Rows)
            await writer.WriteAsync(UsersExport.Line(row));
        await writer.FlushAsync(ct);
    }

    private static string QueryValuesKind(ReportQuery query) => Shared.QueryValues.Format(query.Kind);
}
