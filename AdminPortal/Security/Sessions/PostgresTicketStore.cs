using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AdminPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.Sessions;

/// <summary>
/// The auth cookie's session store: the cookie carries only a random key, the ticket lives in auth.user_sessions. A key
/// whose row is ended, past its absolute expiry or idle too long retrieves nothing, so the cookie is refused on every
/// device at once when the row ends. Signing out ends the row ("signed out"); a cookie refused for another reason (a
/// rotated security stamp) ends it as "refused" unless it had already ended with a reason of its own.
/// </summary>
public sealed class PostgresTicketStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<SessionOptions> options)
    : ITicketStore
{
    /// <summary>The claim that names the session in the principal (cookie requests and circuits alike).</summary>
    public const string SessionClaim = "adminportal:session";

    /// <summary>Set by the sign-out endpoint: RemoveAsync then records a sign-out, not a refused cookie.</summary>
    public const string SignOutItem = "AdminPortal.Sessions.SignOut";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.UserId() ?? throw new InvalidOperationException("a session needs a user");
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Guid.CreateVersion7();
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList())
                identity.RemoveClaim(old);
            identity.AddClaim(new Claim(SessionClaim, id.ToString()));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new UserSession
        {
            Id = id,
            KeyHash = Hash(key),
            UserId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            Device = DeviceSummary.Of(httpContext?.Request.Headers.UserAgent.ToString()),
            Address = httpContext?.Connection.RemoteIpAddress?.ToString(),
            StartedAt = now,
            LastSeenAt = now,
            AbsoluteExpiresAt = now + options.Value.Absolute,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.KeyHash == hash)
            .Select(s => new { s.Id, s.Ticket, s.EndedAt, s.AbsoluteExpiresAt, s.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.EndedAt is not null)
            return null;
        var o = options.Value;
        if (now >= row.AbsoluteExpiresAt || now - row.LastSeenAt >= o.Idle)
        {
            await UserSessions.EndRowsAsync(db.Set<UserSession>().Where(s => s.Id == row.Id), now,
                now >= row.AbsoluteExpiresAt ? SessionEndReasons.Expired : SessionEndReasons.Idle, null, cancellationToken);
            return null;
        }
        if (now - row.LastSeenAt >= o.Touch)
            await db.Set<UserSession>().Where(s => s.Id == row.Id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        return TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>
    /// Called on every request (the security stamp is validated each time and renews the ticket): the principal is made
    /// afresh from the database anyway, so the stored ticket is rewritten only when "last seen" is written.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.Touch;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<UserSession>().Where(s => s.KeyHash == hash && s.EndedAt == null && s.LastSeenAt <= stale)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.LastSeenAt, now), cancellationToken);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var signedOut = httpContext?.Items.ContainsKey(SignOutItem) == true;
        var by = signedOut ? httpContext!.User : null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await UserSessions.EndRowsAsync(db.Set<UserSession>().Where(s => s.KeyHash == hash), clock.GetUtcNow().UtcDateTime,
            signedOut ? SessionEndReasons.SignedOut : SessionEndReasons.Refused,
            by?.UserId() is { } id ? (id, by.Identity?.Name ?? "") : null, CancellationToken.None);
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(SessionClaim)?.Value, out var id) ? id : null;

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
