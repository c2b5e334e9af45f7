using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Features.Users.User;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Users.User;

/// <summary>What the user page offers and remembers between reads, without a browser or a database.</summary>
public sealed class UserPageStateTests
{
    private const int AdminId = 1;
    private const int TargetId = 42;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static UserDetail Detail(Action<PortalUser>? change = null)
    {
        var user = new PortalUser { Id = TargetId, Email = "sana@example.org", Name = "Sana", Status = PlatformUserStatus.NotVerified };
        change?.Invoke(user);
        return new UserDetail(user, Now, [], null, [], [], [], [], [], [], 0, [], 0, [], 0, []);
    }

    private static AccountAction[] Offered(UserDetail detail) => UserPageState.ActionsFor(detail).Select(a => a.Action).ToArray();

    private static ChangeEvent Change(int actorId, string actorName) =>
        new(EntityTypes.User, TargetId.ToString(System.Globalization.CultureInfo.InvariantCulture), ChangeActions.Updated, actorId, actorName)
        {
            At = Now,
        };

    [Fact]
    public void A_new_account_can_be_verified_deactivated_reset_and_deleted()
    {
        Assert.Equal([AccountAction.Verify, AccountAction.Deactivate, AccountAction.ForcePasswordReset, AccountAction.Delete],
            Offered(Detail()));
    }

    [Fact]
    public void A_verified_account_is_not_offered_verify()
    {
        Assert.Equal([AccountAction.Deactivate, AccountAction.ForcePasswordReset, AccountAction.Delete],
            Offered(Detail(u => u.Status = PlatformUserStatus.Verified)));
    }

    [Fact]
    public void An_inactive_account_is_reactivated_not_deactivated()
    {
        Assert.Equal([AccountAction.Reactivate, AccountAction.ForcePasswordReset, AccountAction.Delete],
            Offered(Detail(u => u.Status = PlatformUserStatus.Inactive)));
    }

    [Fact]
    public void A_deleted_account_is_restored_and_offers_no_verify_or_password_reset()
    {
        Assert.Equal([AccountAction.Deactivate, AccountAction.Restore], Offered(Detail(u => u.DeletedAt = Now.UtcDateTime)));
    }

    [Fact]
    public void A_locked_out_account_with_two_factor_offers_unlock_and_two_factor_reset()
    {
        var offered = Offered(Detail(u =>
        {
            u.Status = PlatformUserStatus.Verified;
            u.LockoutEnd = Now.AddMinutes(5);
            u.TwoFactorEnabled = true;
        }));
        Assert.Equal([AccountAction.Deactivate, AccountAction.Unlock, AccountAction.ForcePasswordReset, AccountAction.ResetTwoFactor,
            AccountAction.Delete], offered);
        // a lockout that has ended is no lockout
        Assert.DoesNotContain(AccountAction.Unlock, Offered(Detail(u => u.LockoutEnd = Now.AddMinutes(-1))));
    }

    [Fact]
    public void Dangerous_actions_say_what_they_do()
    {
        var deactivate = UserPageState.ActionsFor(Detail()).Single(a => a.Action == AccountAction.Deactivate);
        Assert.True(deactivate.Danger);
        Assert.NotNull(deactivate.Warning);
        Assert.False(UserPageState.ActionsFor(Detail()).Single(a => a.Action == AccountAction.Verify).Danger);
    }

    [Fact]
    public void The_pending_action_asks_with_the_service_rules_and_runs_on_the_version_seen()
    {
        var state = new UserPageState(TargetId, AdminId);
        state.Loaded(Detail(u => u.Version = 7));
        var deactivate = state.AvailableActions.Single(a => a.Action == AccountAction.Deactivate);

        var request = state.Ask(deactivate);

        Assert.Same(deactivate, state.Pending);
        Assert.Same(UserStatusActions.AccountReason, request.Rules);
        Assert.Equal(("Deactivate", "Deactivate", true), (request.Title, request.ConfirmText, request.Danger));
        Assert.Equal(new AccountActionRun(AccountAction.Deactivate, 7, "left the team"), state.Confirm("left the team"));
        Assert.Null(state.Pending);
    }

    [Fact]
    public void A_cancelled_reason_runs_nothing()
    {
        var state = new UserPageState(TargetId, AdminId);
        state.Loaded(Detail());
        state.Ask(state.AvailableActions[0]);
        Assert.Null(state.Confirm(null));
        Assert.Null(state.Pending);
        Assert.Null(state.Confirm("a reason without a pending action"));
    }

    [Fact]
    public void The_viewers_own_change_is_not_announced()
    {
        var state = new UserPageState(TargetId, AdminId);
        state.Loaded(Detail());

        state.Noticed(Change(AdminId, "Asha Admin"));   // the admin's own "Save profile" comes back on the feed

        Assert.Null(state.Change);
    }

    [Fact]
    public void Someone_elses_change_is_announced_and_stays_after_the_viewers_own()
    {
        var state = new UserPageState(TargetId, AdminId);
        state.Loaded(Detail());
        var other = Change(2, "Mira Admin");

        state.Noticed(other);
        state.Noticed(Change(AdminId, "Asha Admin"));

        Assert.Same(other, state.Change);
    }

    [Fact]
    public void A_conflict_waits_for_the_reload_button_other_outcomes_reload_at_once()
    {
        Assert.False(UserPageState.ReloadAfter(Outcome.Conflict("Mira changed it first", "Mira", Now)));
        Assert.False(UserPageState.ReloadAfter(null));   // another action was running
        Assert.True(UserPageState.ReloadAfter(Outcome.Done("Done")));
        Assert.True(UserPageState.ReloadAfter(Outcome.Refused("The account is already inactive.")));
    }

    [Fact]
    public void Every_read_is_counted_and_a_missing_user_is_told_apart_from_loading()
    {
        var state = new UserPageState(TargetId, AdminId);
        Assert.False(state.Missing);
        state.Loaded(null);
        Assert.True(state.Missing);
        state.Loaded(Detail());
        Assert.False(state.Missing);
        Assert.Equal(2, state.Version);
    }
}
