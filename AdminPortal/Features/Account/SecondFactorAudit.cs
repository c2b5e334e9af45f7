namespace AdminPortal.Features.Account;

/// <summary>The audit actions of second factors (entity: the user), and how the user's page says them.</summary>
public static class SecondFactorAudit
{
    public const string Enrol = "user.2fa.enrol";
    public const string Remove = "user.2fa.remove";
    public const string Rename = "user.2fa.rename";
    public const string RecoveryCodesNew = "user.2fa.recovery-codes";
    public const string RecoveryCodeUsed = "user.2fa.recovery-code-used";
    public const string Failed = "user.2fa.failed";

    public static string? Describe(string action) => action switch
    {
        Enrol => "added a second factor",
        Remove => "removed a second factor",
        Rename => "renamed a passkey",
        RecoveryCodesNew => "made new recovery codes",
        RecoveryCodeUsed => "signed in with a recovery code",
        Failed => "gave a wrong second-factor code",
        _ => null,
    };
}
