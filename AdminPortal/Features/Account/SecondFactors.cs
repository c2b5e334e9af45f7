using System.Buffers.Text;
using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Data.Identity;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Account;

/// <summary>
/// A user's own second factors: the authenticator app, passkeys and the ten recovery codes. Identity keeps them
/// (the authenticator key and the recovery codes in auth.user_tokens, passkeys in auth.user_passkeys); each change
/// and its audit record are saved by the request's one DbContext in one transaction. TwoFactorEnabled means "has at
/// least one second factor"; the first factor brings the recovery codes, removing the last one takes them away.
/// </summary>
public sealed class SecondFactors(UserManager<PortalUser> users, PortalDbContext db, AuditTrail audit, ClientInfo client,
    TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    public const int PasskeyNameMax = 60;
    internal const string PortalProvider = "[AdminPortal]";
    internal const string PendingKeyName = "PendingAuthenticatorKey";
    internal const string LastCodeName = "LastAuthenticatorCode";
    public const string Issuer = "AdminPortal";

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public sealed record Status(bool Authenticator, IReadOnlyList<PasskeyRow> Passkeys, int RecoveryCodesLeft)
    {
        public bool Any => Authenticator || Passkeys.Count > 0;
    }

    public async Task<Status> StatusAsync(PortalUser user)
    {
        var passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))
            .ToList();
        return new Status(await users.GetAuthenticatorKeyAsync(user) is not null, passkeys, await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>The key to scan, kept aside until a code from the app confirms it (the account's key is unchanged).</summary>
    public async Task<AuthenticatorSetup> AuthenticatorSetupAsync(PortalUser user)
    {
        var key = await users.GetAuthenticationTokenAsync(user, PortalProvider, PendingKeyName);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, PortalProvider, PendingKeyName, key);
        }
        return AuthenticatorSetup.For(Issuer, user.Email ?? user.Id.ToString(CultureInfo.InvariantCulture), key);
    }

    /// <summary>Confirms the pending key with a code of the app; the recovery codes when this is the first factor.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> ConfirmAuthenticatorAsync(PortalUser user, string? code)
    {
        var key = await users.GetAuthenticationTokenAsync(user, PortalProvider, PendingKeyName);
        if (string.IsNullOrEmpty(key))
            return Outcome<IReadOnlyList<string>>.Failed(Outcome.Refused("Start the set-up again: the key has expired.", "code"));
        if (!Totp.Matches(key, Clean(code), clock.GetUtcNow()))
            return Outcome<IReadOnlyList<string>>.Failed(Outcome.Refused("That code does not match. Enter the 6 digits the app shows now.", "code"));
        return await ChangeAsync(user, SecondFactorAudit.Enrol, new { Factor = "authenticator app" }, async () =>
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            await users.RemoveAuthenticationTokenAsync(user, PortalProvider, PendingKeyName);
        }, "The authenticator app is set up.");
    }

    public async Task<Outcome> RemoveAuthenticatorAsync(PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is null)
            return Outcome.Refused("No authenticator app is set up.");
        var result = await ChangeAsync(user, SecondFactorAudit.Remove, new { Factor = "authenticator app" },
            () => users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey"), "The authenticator app is removed.");
        return result.Succeeded ? Outcome.Done(result.Message) : result;
    }

    /// <summary>Keeps a passkey whose attestation succeeded, under the name the user gave (or "Passkey N").</summary>
    public async Task<Outcome<IReadOnlyList<string>>> AddPasskeyAsync(PortalUser user, UserPasskeyInfo passkey, string? name)
    {
        var count = (await users.GetPasskeysAsync(user)).Count;
        passkey.Name = NameProblem(name) is null && !string.IsNullOrWhiteSpace(name) ? name.Trim() : $"Passkey {count + 1}";
        return await ChangeAsync(user, SecondFactorAudit.Enrol, new { Factor = "passkey", passkey.Name }, async () =>
        {
            var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (!saved.Succeeded)
                throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Description)));
        }, $"The passkey \"{passkey.Name}\" is added.");
    }

    public async Task<Outcome> RenamePasskeyAsync(PortalUser user, string id, string? name)
    {
        if (NameProblem(name) is { } problem)
            return Outcome.Refused(problem, "name");
        if (await FindPasskeyAsync(user, id) is not { } passkey)
            return Outcome.NotFound("This passkey no longer exists.");
        var before = passkey.Name;
        passkey.Name = name!.Trim();
        audit.Add(db, Actor(user), SecondFactorAudit.Rename, "user", Key(user), new { Name = before }, new { passkey.Name });
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        return Outcome.Done($"Renamed to \"{passkey.Name}\".");
    }

    public async Task<Outcome> RemovePasskeyAsync(PortalUser user, string id)
    {
        if (await FindPasskeyAsync(user, id) is not { } passkey)
            return Outcome.NotFound("This passkey no longer exists.");
        var result = await ChangeAsync(user, SecondFactorAudit.Remove, new { Factor = "passkey", passkey.Name },
            () => users.RemovePasskeyAsync(user, passkey.CredentialId), $"The passkey \"{passkey.Name}\" is removed.");
        return result.Succeeded ? Outcome.Done(result.Message) : result;
    }

    /// <summary>Ten new recovery codes (the old ones stop working), shown once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> NewRecoveryCodesAsync(PortalUser user)
    {
        if (!(await StatusAsync(user)).Any)
            return Outcome<IReadOnlyList<string>>.Failed(Outcome.Refused("Add a passkey or an authenticator app first."));
        audit.Add(db, Actor(user), SecondFactorAudit.RecoveryCodesNew, "user", Key(user), null, new { Count = RecoveryCodeCount });
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        return Outcome<IReadOnlyList<string>>.Done(codes, "Your new recovery codes. The old ones no longer work.");
    }

    /// <summary>
    /// A sign-in code of the authenticator app (Identity's authenticator token provider), at most once: the code last
    /// accepted is refused for the few minutes it would otherwise stay valid. A wrong code is audited.
    /// </summary>
    public async Task<bool> CheckCodeAsync(PortalUser user, string? code)
    {
        var clean = Clean(code);
        var now = clock.GetUtcNow();
        var last = (await users.GetAuthenticationTokenAsync(user, PortalProvider, LastCodeName))?.Split('|') ?? [];
        var replayed = last.Length == 2 && last[0] == clean
                       && long.TryParse(last[1], CultureInfo.InvariantCulture, out var at) && now.ToUnixTimeSeconds() - at < 300;
        if (clean.Length == 6 && !replayed
            && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, clean))
        {
            await users.SetAuthenticationTokenAsync(user, PortalProvider, LastCodeName,
                $"{clean}|{now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
            return true;
        }
        await FailedAsync(user, replayed ? "authenticator code used before" : "wrong authenticator code");
        return false;
    }

    /// <summary>Uses one recovery code up (audited with how many are left); a wrong one is audited as a failure.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(PortalUser user, string? code)
    {
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (clean.Length == 0 || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, clean)).Succeeded)
        {
            await tx.RollbackAsync();
            await FailedAsync(user, "wrong recovery code");
            return false;
        }
        audit.Add(db, Actor(user), SecondFactorAudit.RecoveryCodeUsed, "user", Key(user), null,
            new { Left = await users.CountRecoveryCodesAsync(user) });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return true;
    }

    public async Task FailedAsync(PortalUser user, string what)
    {
        audit.Add(db, Actor(user), SecondFactorAudit.Failed, "user", Key(user), null, new { What = what });
        await db.SaveChangesAsync();
    }

    public static string? NameProblem(string? name)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0)
            return "Give the passkey a name.";
        if (text.Length > PasskeyNameMax)
            return $"Keep the name under {PasskeyNameMax + 1} characters.";
        return text.Any(char.IsControl) ? "The name contains characters that cannot be stored." : null;
    }

    /// <summary>
    /// One change of factors in one transaction with its audit record, then TwoFactorEnabled follows whether any
    /// factor is left, and the first factor brings ten recovery codes (returned to be shown once).
    /// </summary>
    private async Task<Outcome<IReadOnlyList<string>>> ChangeAsync(PortalUser user, string action, object what, Func<Task> change, string message)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var before = await StatusAsync(user);
        audit.Add(db, Actor(user), action, "user", Key(user), null, what);
        await change();
        var after = await StatusAsync(user);
        IReadOnlyList<string> codes = [];
        if (after.Any && after.RecoveryCodesLeft == 0)
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        if (!after.Any && before.Any)
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await users.SetTwoFactorEnabledAsync(user, after.Any);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<IReadOnlyList<string>>.Done(codes, message);
    }

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(PortalUser user, string id)
    {
        byte[] credentialId;
        try
        {
            credentialId = Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
        return await users.GetPasskeyAsync(user, credentialId);
    }

    private AuditActor Actor(PortalUser user) => new(user.Id, user.Name ?? user.Email ?? "user", client.Address);

    private static string Key(PortalUser user) => user.Id.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());
}
