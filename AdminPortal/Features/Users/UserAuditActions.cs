namespace AdminPortal.Features.Users;

/// <summary>The audit actions of this feature and how the pages say them.</summary>
public static class UserAuditActions
{
    public const string EntityType = "user";
    public const string Verify = "user.verify";
    public const string Deactivate = "user.deactivate";
    public const string Reactivate = "user.reactivate";
    public const string Delete = "user.delete";
    public const string Restore = "user.restore";
    public const string Unlock = "user.unlock";
    public const string ForcePasswordReset = "user.password.force-reset";
    public const string PasswordSet = "user.password.set";
    public const string ResetTwoFactor = "user.2fa.reset";
    public const string Create = "user.create";
    public const string UpdateProfile = "user.profile.update";
    public const string GrantRole = "user.role.grant";
    public const string RevokeRole = "user.role.revoke";
    public const string RevokeToken = "user.token.revoke";
    public const string Export = "user.export";

    /// <summary>Actions that change the account's status (the status history on the user's page).</summary>
    public static readonly string[] StatusChanges = [Create, Verify, Deactivate, Reactivate, Delete, Restore];

    public static string Describe(string action) => action switch
    {
        Verify => "verified the account",
        Deactivate => "deactivated the account",
        Reactivate => "reactivated the account",
        Delete => "deleted the account",
        Restore => "restored the account",
        Unlock => "unlocked the account",
        ForcePasswordReset => "forced a password reset",
        PasswordSet => "set a new password",
        ResetTwoFactor => "reset the second factors",
        Create => "created the account",
        UpdateProfile => "edited the profile",
        GrantRole => "granted a role",
        RevokeRole => "revoked a role",
        RevokeToken => "revoked sessions",
        Export => "exported the user list",
        _ => AdminPortal.Security.SignIn.SignInAuditActions.Describe(action) ?? Account.SecondFactorAudit.Describe(action) ?? action,
    };
}
