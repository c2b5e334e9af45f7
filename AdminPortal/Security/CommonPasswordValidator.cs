using AdminPortal.Data.Identity;
using System.Reflection;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Security;

/// <summary>
/// OWASP ASVS 5 (V6.2): length over composition, and no common or breached passwords. Checks the shipped list of
/// common passwords, also with digits and symbols stripped from the ends ("Password2024!" is "password"),
/// single repeated characters, and the user's own email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IsWeak(password, user.Email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or too easy to guess. Choose a longer, less predictable one (a few unrelated words work well).",
            })
            : IdentityResult.Success);
    }

    public static bool IsWeak(string password, string? email)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim("0123456789!@#$%^&*()_-+=.,?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(core))
            return true;
        if (lower.Distinct().Count() <= 2)
            return true;
        var local = email?.Split('@')[0].ToLowerInvariant();
        return !string.IsNullOrEmpty(local) && local.Length >= 4 && (lower.Contains(local, StringComparison.Ordinal) || core == local);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("AdminPortal.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim().ToLowerInvariant();
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line);
        }
        return set;
    }
}
