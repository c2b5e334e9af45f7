using AdminPortal.Components.Shared;
using AdminPortal.Data.Identity;
using AdminPortal.Shared;

namespace AdminPortal.Features.Users.User;

/// <summary>
/// The profile form between reads: the fields as typed, the version they are based on, and which field each error
/// belongs to. Someone else's change refreshes the form only while the admin has typed nothing; otherwise their input
/// and its version are kept, so saving reports the conflict instead of overwriting.
/// </summary>
public sealed class ProfileFormState
{
    public const string FixTheFields = "Fix the marked fields: nothing was saved.";

    private ProfileEdits.Form? _original;
    private Dictionary<string, string> _errors = [];

    public ActionGate Gate { get; } = new();

    public ProfileEdits.Form Form { get; private set; } = new();

    public uint LoadedVersion { get; private set; }

    public bool Edited => _original is not null && !Same(Form, _original);

    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The user as last read.</summary>
    public void Sync(PortalUser user)
    {
        if (_original is not null && (LoadedVersion == user.Version || Edited))
            return;
        Form = ProfileEdits.Form.Of(user);
        _original = ProfileEdits.Form.Of(user);
        LoadedVersion = user.Version;
        _errors = [];
    }

    /// <summary>The next <see cref="Sync"/> takes the user as read, whatever was typed (after a save or a reload).</summary>
    public void Forget()
    {
        _original = null;
        Gate.Clear();
    }

    /// <summary>Marks every field the local check found; true when the form may be sent.</summary>
    public bool Checked(IReadOnlyDictionary<string, string> errors)
    {
        _errors = new(errors);
        if (errors.Count > 0)
            Gate.Show(Outcome.Refused(FixTheFields));
        return errors.Count == 0;
    }

    /// <summary>Takes the save's outcome: a refusal about a field marks that field. True when it was saved.</summary>
    public bool Saved(Outcome? outcome)
    {
        if (outcome is null)
            return false;
        _errors = outcome is { Kind: OutcomeKind.Refused, Field: { } field } ? new() { [field] = outcome.Message } : [];
        if (outcome.Succeeded)
            _original = null;
        return outcome.Succeeded;
    }

    private static bool Same(ProfileEdits.Form a, ProfileEdits.Form b) =>
        typeof(ProfileEdits.Form).GetProperties().All(p => Equals(p.GetValue(a), p.GetValue(b)));
}
