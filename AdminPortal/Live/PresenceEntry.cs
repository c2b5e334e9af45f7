namespace AdminPortal.Live;

/// <summary>Someone looking at something: "Asha (user 7) is on ticket 42".</summary>
public sealed record PresenceEntry(string EntityType, string EntityId, int UserId, string UserName,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Initials for an avatar: "Asha Rao" gives "AR".</summary>
    public string Initials =>
        string.Concat(UserName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));
}
