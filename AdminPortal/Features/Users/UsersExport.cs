using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Features.Users.List;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// POST /users/export.csv (form fields q, role, status, platform, deleted, sort and an antiforgery token; no GET: an
/// export is an audited action, and a GET could be fired by an image tag on any page): the filtered list with each
/// user's roles, streamed row by row (never the whole list in memory). RFC 4180 quoting; cells that a spreadsheet
/// would run as a formula (= + - @, tab, CR) are prefixed with an apostrophe (OWASP CSV injection).
/// </summary>
public static class UsersExport
{
    public const string Path = "/users/export.csv";

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, WriteAsync).RequireAuthorization(nameof(Permission.ManageUsers));
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, IDbContextFactory<PortalDbContext> dbFactory,
        ActorResolver actors, AuditTrail audit, TimeProvider clock, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        PortalActor actor;
        try
        {
            actor = await actors.RequireAsync(http.User, Permission.ManageUsers, ct);
        }
        catch (AccessDeniedException)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var form = await http.Request.ReadFormAsync(ct);
        var query = UserListQuery.FromForm(name => form.TryGetValue(name, out var v) ? v.ToString() : null);
        await using (var log = await dbFactory.CreateDbContextAsync(ct))
        {
            audit.Add(log, actor.ToAudit() with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() },
                UserAuditActions.Export, UserAuditActions.EntityType, "*", null, query with { Page = 0, PageSize = 0 });
            await log.SaveChangesAsync(ct);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"users-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = query.Apply(db).Select(u => new
        {
            u.Id, u.Name, u.Email, u.PhoneNumber, u.ContactNumberCountryCode, u.ContactNumber, u.Status,
            u.RegistrationPlatform, u.City, u.State, u.Country, u.CreatedAt, u.LastLoginAt, u.DeletedAt,
            Roles = string.Join("; ", u.Roles.Select(r => r.Domain == null ? r.Role!.Name : r.Role!.Name + " " + r.Domain + " " + r.Scope)),
        }).AsAsyncEnumerable();
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 16 * 1024);
        await writer.WriteAsync(Line(["id", "name", "email", "phone", "contact_number", "status", "registration_platform",
            "city", "state", "country", "created_at", "last_login_at", "deleted_at", "roles"]));
        await foreach (var u in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(Line([
                u.Id.ToString(CultureInfo.InvariantCulture), u.Name, u.Email, u.PhoneNumber,
                u.ContactNumber is null ? null : $"{u.ContactNumberCountryCode} {u.ContactNumber}".Trim(),
                EnumText.Of(u.Status), EnumText.Of(u.RegistrationPlatform), u.City, u.State, u.Country,
                Time(u.CreatedAt), Time(u.LastLoginAt), Time(u.DeletedAt), u.Roles,
            ]));
        }
        await writer.FlushAsync(ct);
    }

    private static string? Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>One CSV cell: formula-neutralised, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
