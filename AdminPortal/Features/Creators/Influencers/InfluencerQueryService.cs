using AdminPortal.Shared;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Creators.Influencers;

public sealed record InfluencerRow(int Id, string Name, string Username, string Email, string Phone, bool Active, bool PhoneVerified,
    string Niches, DateTime CreatedAt);

public sealed record InfluencerPage(IReadOnlyList<InfluencerRow> Rows, CountEstimate Total);

/// <summary>One OTP as support sees it: never the code, only whether it was used or has expired.</summary>
public sealed record OtpRow(int Id, DateTime CreatedAt, DateTime ExpiresAt, bool Used)
{
    public string State(DateTime now) => Used ? "Used" : ExpiresAt <= now ? "Expired" : "Open";
    public const string Masked = "••••••";
}

public sealed record InfluencerChange(string ActorName, string Action, DateTime At, string? Reason);

public sealed record InfluencerDetails(int Id, string Name, string Username, string Email, string Phone, bool PhoneVerified, bool Active,
    DateOnly? DateOfBirth, Gender? Gender, string? Bio, DateTime CreatedAt, uint Version, IReadOnlyList<string> Niches,
    IReadOnlyList<OtpRow> Otps, IReadOnlyList<InfluencerChange> History);

/// <summary>Reads for the influencers list (name trigram index, unique email/phone/username) and the influencer page.</summary>
public sealed class InfluencerQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    public async Task<InfluencerPage> GetPageAsync(ClaimsPrincipal principal, InfluencerListQuery q, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.ManageCreators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var influencers = db.Set<Influencer>().AsNoTracking();
        if (q.EffectiveSearch is { } text)
        {
            var pattern = LikePattern.Contains(text);
            influencers = influencers.Where(i => EF.Functions.ILike(i.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(i.Username, pattern, LikePattern.EscapeCharacter)
                                                 || EF.Functions.ILike(i.Email, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(i.Phone, pattern, LikePattern.EscapeCharacter));
        }
        if (q.NicheId is { } niche)
            influencers = influencers.Where(i => i.Niches.Any(n => n.NicheId == niche));
        if (q.Active is { } active)
            influencers = influencers.Where(i => i.IsActive == active);
        if (q.PhoneVerified is { } verified)
            influencers = influencers.Where(i => i.IsPhoneVerified == verified);
        // a search counts first: its matches come from the trigram indexes (BitmapOr), and when they are few (an exact
        // count) the page sorts them by an expression the (name, id) btree cannot serve. Left to itself the planner walks
        // that btree filtering every row, expecting the matches spread evenly: 'meera iyer' sits under M, 112,000 rows in
        // (docs/perf/platforms-large.md). Many matches (10,000+): the walk finds a page within a few hundred rows.
        var total = q.EffectiveSearch is null ? null : CountEstimate.FromCapped(await influencers.Take(CountEstimate.ExactLimit + 1).CountAsync(ct));
        var sortMatches = total?.Kind == CountKind.Exact;
        var ordered = sortMatches ? influencers.OrderBy(i => i.Name + "") : influencers.OrderBy(i => i.Name);
        var pageIds = ordered.ThenBy(i => i.Id).Skip(q.Offset).Take(q.PageSize).Select(i => i.Id);
        var rows = await db.Set<Influencer>().AsNoTracking().Where(i => pageIds.Contains(i.Id)).OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Username, i.Email, i.Phone, i.IsActive, i.IsPhoneVerified, i.CreatedAt,
                Niches = i.Niches.OrderBy(n => n.Niche!.Name).Select(n => n.Niche!.Name).ToList() })
            .ToListAsync(ct);
        total ??= CountEstimate.FromShortPage(q.Offset, q.PageSize, rows.Count)
                  ?? CountEstimate.FromCapped(await influencers.Take(CountEstimate.ExactLimit + 1).CountAsync(ct));
        return new InfluencerPage(rows.Select(r => new InfluencerRow(r.Id, r.Name, r.Username, r.Email, r.Phone, r.IsActive, r.IsPhoneVerified,
                string.Join(", ", r.Niches), r.CreatedAt)).ToList(), total);
    }

    public async Task<InfluencerDetails?> GetAsync(ClaimsPrincipal principal, int id, bool reload = false, CancellationToken ct = default)
    {
        if (reload)
            await actors.RequireForReloadAsync(principal, Permission.ManageCreators, ct);
        else
            await actors.RequireAsync(principal, Permission.ManageCreators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.Set<Influencer>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
            return null;
        var niches = await db.Set<InfluencerNiche>().Where(n => n.InfluencerId == id).OrderBy(n => n.Niche!.Name)
            .Select(n => n.Niche!.Name + (n.Niche.IsActive ? "" : " (retired)")).ToListAsync(ct);
        // ix_otps_phone_created_at: the phone's codes, newest first
        var otps = await db.Set<Otp>().AsNoTracking().Where(o => o.Phone == i.Phone).OrderByDescending(o => o.CreatedAt).Take(20)
            .Select(o => new OtpRow(o.Id, o.CreatedAt, o.ExpiresAt, o.IsUsed)).ToListAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == InfluencerActions.EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).Take(20).Select(a => new InfluencerChange(a.ActorName, a.Action, a.At, a.Reason)).ToListAsync(ct);
        return new InfluencerDetails(i.Id, i.Name, i.Username, i.Email, i.Phone, i.IsPhoneVerified, i.IsActive, i.DateOfBirth, i.Gender,
            i.Bio, i.CreatedAt, i.Version, niches, otps, history);
    }
}
