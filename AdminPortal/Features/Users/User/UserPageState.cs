using AdminPortal.Components.Shared;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Features.Users.User;

/// <summary>An account action as the user page offers it.</summary>
public sealed record AccountActionOption(AccountAction Action, string Label, bool Danger = false, string? Warning = null);

/// <summary>A confirmed account action: what to run, on the version of the user the admin saw, and why.</summary>
public sealed record AccountActionRun(AccountAction Action, uint Version, string Reason);

/// <summary>
/// What the user page does between reads: the user as last read, which account actions it offers, the action
/// awaiting its reason, the outcome of the last action (through <see cref="Gate"/>), the profile form, and the notice
/// that someone else changed the user (never about the viewer's own change).
/// </summary>
public sealed class UserPageState(int userId, int? viewerId)
{
    public int UserId => userId;

    /// <summary>The signed-in admin: their own changes are not announced back to them.</summary>
    public int? ViewerId => viewerId;

    public ActionGate Gate { get; } = new();

    public ProfileFormState Profile { get; } = new();

    public UserDetail? Detail { get; private set; }

    /// <summary>True once a read found no such user.</summary>
    public bool Missing { get; private set; }

    /// <summary>Grows with every read: the audit panel reads its trail again.</summary>
    public int Version { get; private set; }

    /// <summary>The last change someone else made to this user while the page was open.</summary>
    public ChangeEvent? Change { get; private set; }

    /// <summary>The action whose reason is being asked for.</summary>
    public AccountActionOption? Pending { get; private set; }

    public IReadOnlyList<AccountActionOption> AvailableActions => Detail is null ? [] : ActionsFor(Detail);

    public void Loaded(UserDetail? detail)
    {
        Detail = detail;
        Missing = detail is null && !Gate.Denied;
        Version++;
    }

    /// <summary>A change to this user arrived; remembered for the notice unless the viewer made it.</summary>
    public void Noticed(ChangeEvent change)
    {
        if (change.ActorName is not null && change.ActorId != viewerId)
            Change = change;
    }

    /// <summary>The actions a user in this state can be put through, in the order the toolbar shows them.</summary>
    public static IReadOnlyList<AccountActionOption> ActionsFor(UserDetail detail)
    {
        var u = detail.User;
        var deleted = u.DeletedAt is not null;
        var actions = new List<AccountActionOption>();
        if (!deleted && u.Status == PlatformUserStatus.NotVerified)
            actions.Add(new(AccountAction.Verify, "Verify"));
        actions.Add(u.Status == PlatformUserStatus.Inactive
            ? new(AccountAction.Reactivate, "Reactivate")
            : new(AccountAction.Deactivate, "Deactivate", true, "The user is signed out everywhere and cannot sign in."));
        if (detail.LockedOut)
            actions.Add(new(AccountAction.Unlock, "Unlock"));
        if (!deleted)
            actions.Add(new(AccountAction.ForcePasswordReset, "Force password reset", true,
                "The current password stops working at once; you get a one-time link to hand over."));
        if (u.TwoFactorEnabled)
            actions.Add(new(AccountAction.ResetTwoFactor, "Reset second factors", true,
                "Passkeys, the authenticator app and recovery codes are removed and the user is signed out everywhere."));
        actions.Add(deleted
            ? new(AccountAction.Restore, "Restore")
            : new(AccountAction.Delete, "Delete", true, "Soft delete: the account is hidden and cannot sign in; it can be restored."));
        return actions;
    }

    /// <summary>Starts an action: it waits for its reason, asked with the service's own rules.</summary>
    public ReasonRequest Ask(AccountActionOption action)
    {
        Pending = action;
        return new ReasonRequest(action.Label, UserStatusActions.AccountReason, action.Label, action.Danger, action.Warning);
    }

    /// <summary>The reason arrived (null: cancelled). Returns what to run, or null when there is nothing to run.</summary>
    public AccountActionRun? Confirm(string? reason)
    {
        var pending = Pending;
        Pending = null;
        return pending is null || reason is null || Detail is null
            ? null
            : new AccountActionRun(pending.Action, Detail.User.Version, reason);
    }

    /// <summary>True when the page should read the user again after this outcome (not after a conflict: the admin
    /// reads who changed it first, then reloads).</summary>
    public static bool ReloadAfter(Outcome? outcome) => outcome is not null && outcome.Kind != OutcomeKind.Conflict;
}
