using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AdminPortal.Security;

/// <summary>
/// The portal's media (<c>/assets</c>, served from wwwroot-assets/): chat attachments, ticket photos, product images.
/// Only for a signed-in person with a portal role, and per area for those whose permission covers it (products:
/// ModerateProducts, tickets: TriageTickets, chat: BrowseChats); anonymous requests are sent to sign in, others get
/// the access-denied answer; then the area's <see cref="IMediaScope"/> (registered by the feature) checks the item the
/// file belongs to (a ticket in the viewer's scope, a chat opened with a reason). Every file is sent with nosniff;
/// active types (SVG, HTML, XML, PDF) in a sandbox with nothing allowed to load, and what is not an image, audio or
/// video as a download.
/// </summary>
public static class PrivateMedia
{
    public const string Sandbox = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private static readonly Dictionary<string, Permission> AreaPermission = new(StringComparer.OrdinalIgnoreCase)
    {
        ["products"] = Permission.ModerateProducts,
        ["tickets"] = Permission.TriageTickets,
        ["chat"] = Permission.BrowseChats,
        ["brands"] = Permission.VerifyBrands,
    };

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IApplicationBuilder UsePrivateMedia(this IApplicationBuilder app, string folder) =>
        app.Map(SafeLinks.MediaRoot.TrimEnd('/'), media =>
        {
            media.Use(GuardAsync);
            media.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(folder),
                ContentTypeProvider = Types,
                OnPrepareResponse = file => Headers(file.Context.Response, file.File.Name,
                    embeddable: Embeddable(file.Context.Request.Path.Value, file.File.Name)),
            });
        });

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }
        var area = context.Request.Path.Value?.TrimStart('/').Split('/')[0] ?? "";
        var allowed = AreaPermission.TryGetValue(area, out var permission)
            ? (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, permission.ToString())).Succeeded
            : PortalRoles.Portal.Any(user.IsInRole);
        foreach (var scope in context.RequestServices.GetServices<IMediaScope>().Where(s => string.Equals(s.Area, area, StringComparison.OrdinalIgnoreCase)))
        {
            if (!allowed)
                break;
            allowed = await scope.AllowsAsync(user, SafeLinks.MediaRoot + context.Request.Path.Value!.TrimStart('/'), context.RequestAborted);
        }
        if (!allowed)
        {
            await context.ForbidAsync();
            return;
        }
        await next(context);
    }

    /// <summary>
    /// The policy of a PDF the portal shows embedded in its own page (a brand document on the review page): framed by
    /// the portal only, inline. No sandbox: Chromium does not render a PDF in a sandboxed document.
    /// </summary>
    public const string EmbeddedPdf = "frame-ancestors 'self'";

    /// <summary>Areas whose PDFs the portal embeds in place (brand documents, issue 17); any other PDF is a download.</summary>
    private static readonly string[] EmbeddedPdfAreas = ["/brands/"];

    public static bool Embeddable(string? path, string fileName) =>
        fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
        && EmbeddedPdfAreas.Any(a => path?.StartsWith(a, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The headers of one media file (public for tests of the rule without a server).</summary>
    public static void Headers(HttpResponse response, string fileName, bool embeddable = false)
    {
        var type = Types.TryGetContentType(fileName, out var t) ? t : "application/octet-stream";
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        if (embeddable && type == "application/pdf")
        {
            headers.ContentSecurityPolicy = EmbeddedPdf;
            headers.XFrameOptions = "SAMEORIGIN";
            return;
        }
        if (IsActive(type))
            headers.ContentSecurityPolicy = Sandbox;
        if (!(type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal)
              || type.StartsWith("video/", StringComparison.Ordinal)))
            headers.ContentDisposition = "attachment";
    }

    /// <summary>Types a browser would run script in, or render as a document, when opened directly.</summary>
    public static bool IsActive(string contentType) =>
        contentType is "image/svg+xml" or "text/html" or "application/xhtml+xml" or "text/xml" or "application/xml"
            or "application/pdf" or "text/javascript" or "application/javascript" or "application/x-shockwave-flash"
        || contentType.EndsWith("+xml", StringComparison.Ordinal);
}
