using System.Text.RegularExpressions;

namespace AdminPortal.Live;

/// <summary>
/// What a change event arriving over NOTIFY must look like before it reaches any screen (issue 20, decision 0013):
/// any database role may NOTIFY the channel, so a payload is input. Short lowercase kinds and verbs, bounded ids and
/// names without control characters, and never the feed's own resync signal (only an instance's listener makes that).
/// </summary>
public static partial class ChangePayloadRules
{
    public const int MaxKindLength = 40;
    public const int MaxIdLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxDetailLength = 500;
    public const int MaxInstanceLength = 128;

    /// <summary>Null when the event may be delivered; otherwise why it is dropped.</summary>
    public static string? Problem(ChangeEvent change)
    {
        if (!Kind().IsMatch(change.EntityType ?? ""))
            return "entity type is not a short lowercase word";
        if (!Kind().IsMatch(change.Action ?? ""))
            return "action is not a short lowercase word";
        if (change.EntityType == EntityTypes.Feed)
            return "the feed's own signals never travel over NOTIFY";
        if (!Bounded(change.EntityId, MaxIdLength, required: true))
            return "entity id is empty, too long or has control characters";
        if (!Bounded(change.ActorName, MaxNameLength, required: false))
            return "actor name is too long or has control characters";
        if (!Bounded(change.Detail, MaxDetailLength, required: false))
            return "detail is too long or has control characters";
        if (change.ActorId is < 0)
            return "actor id is negative";
        if (!Instance().IsMatch(change.OriginInstance ?? ""))
            return "origin instance is not an instance id";
        return null;
    }

    private static bool Bounded(string? value, int max, bool required) =>
        value is null ? !required
            : value.Length <= max && (!required || value.Length > 0) && !value.Any(char.IsControl);

    [GeneratedRegex("^[a-z][a-z0-9_.:-]{0,39}$")]
    private static partial Regex Kind();

    [GeneratedRegex("^[A-Za-z0-9_.:-]{0,128}$")]
    private static partial Regex Instance();
}
