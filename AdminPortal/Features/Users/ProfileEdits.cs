using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// Edits a user's profile fields. Every field is checked first (a bad one changes nothing and says why on that field);
/// the row version the admin saw must still be current, otherwise they are told who changed the user and when.
/// </summary>
public sealed class ProfileEdits(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? ContactNumberCountryCode { get; set; }
        public string? ContactNumber { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
        public string? Country { get; set; }
        public string? Pincode { get; set; }
        public string? Gender { get; set; }
        public DateTime? DateOfBirth { get; set; }
        public string? Nationality { get; set; }
        public string? Profession { get; set; }
        public string? Qualification { get; set; }

        public static Form Of(PortalUser u) => new()
        {
            Name = u.Name, Email = u.Email, Phone = u.PhoneNumber, ContactNumberCountryCode = u.ContactNumberCountryCode,
            ContactNumber = u.ContactNumber?.ToString(CultureInfo.InvariantCulture), City = u.City, State = u.State,
            Country = u.Country, Pincode = u.Pincode?.ToString(CultureInfo.InvariantCulture), Gender = u.Gender,
            DateOfBirth = u.Dob?.ToDateTime(TimeOnly.MinValue), Nationality = u.Nationality, Profession = u.Profession,
            Qualification = u.Qualification,
        };
    }

    /// <summary>Field name to message, for every field that breaks a rule (empty when all are fine).</summary>
    public Dictionary<string, string> Check(Form form)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string>();
        void Add(string field, string? message)
        {
            if (message is not null) errors[field] = message;
        }
        Add(nameof(Form.Name), UserInputRules.Name(form.Name));
        Add(nameof(Form.Email), UserInputRules.Email(form.Email));
        Add(nameof(Form.Phone), UserInputRules.Phone(form.Phone));
        Add(nameof(Form.ContactNumberCountryCode), UserInputRules.CountryCode(form.ContactNumberCountryCode));
        Add(nameof(Form.ContactNumber), UserInputRules.ContactNumber(form.ContactNumber));
        Add(nameof(Form.City), UserInputRules.ShortText(form.City, "The city"));
        Add(nameof(Form.State), UserInputRules.ShortText(form.State, "The state"));
        Add(nameof(Form.Country), UserInputRules.ShortText(form.Country, "The country"));
        Add(nameof(Form.Gender), UserInputRules.ShortText(form.Gender, "The gender"));
        Add(nameof(Form.Nationality), UserInputRules.ShortText(form.Nationality, "The nationality"));
        Add(nameof(Form.Profession), UserInputRules.ShortText(form.Profession, "The profession"));
        Add(nameof(Form.Qualification), UserInputRules.ShortText(form.Qualification, "The qualification"));
        Add(nameof(Form.Pincode), UserInputRules.Pincode(form.Pincode));
        Add(nameof(Form.DateOfBirth), UserInputRules.DateOfBirth(form.DateOfBirth is { } d ? DateOnly.FromDateTime(d) : null, today));
        return errors;
    }

    /// <summary>
    /// Saves the form. A bad field is refused with its message and name (the form runs <see cref="Check"/> first to
    /// mark every bad field at once); a stale version is a conflict naming who saved first.
    /// </summary>
    public async Task<Outcome> SaveAsync(ClaimsPrincipal by,
        int userId, uint version, Form form, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        var errors = Check(form);
        if (errors.Count > 0)
            return Outcome.Refused(errors.First().Value, errors.First().Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return Outcome.NotFound("There is no such user.");
        if (user.Version != version)
            return await UserConflicts.DescribeAsync(dbFactory, userId, ct);
        var email = TextRules.Normalize(form.Email)!;
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.Id != userId && u.NormalizedEmail == normalized, ct))
            return Outcome.Refused("Another account already uses this email.", nameof(Form.Email));
        var before = Form.Of(user);
        user.Name = TextRules.Normalize(form.Name);
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            user.Email = email;
            user.NormalizedEmail = normalized;
            user.UserName = email;
            user.NormalizedUserName = normalized;
            user.EmailConfirmed = false;
        }
        user.PhoneNumber = Clean(form.Phone);
        user.ContactNumberCountryCode = Clean(form.ContactNumberCountryCode);
        user.ContactNumber = UserInputRules.ParseContactNumber(form.ContactNumber);
        user.City = Clean(form.City);
        user.State = Clean(form.State);
        user.Country = Clean(form.Country);
        user.Pincode = UserInputRules.ParsePincode(form.Pincode);
        user.Gender = Clean(form.Gender);
        user.Dob = form.DateOfBirth is { } dob ? DateOnly.FromDateTime(dob) : null;
        user.Nationality = Clean(form.Nationality);
        user.Profession = Clean(form.Profession);
        user.Qualification = Clean(form.Qualification);
        var after = Form.Of(user);
        var changed = Diff(before, after);
        if (changed.Count == 0)
            return Outcome.Refused("Nothing changed.");
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), UserAuditActions.UpdateProfile, UserAuditActions.EntityType,
            userId.ToString(CultureInfo.InvariantCulture),
            changed.ToDictionary(c => c, c => Value(before, c)), changed.ToDictionary(c => c, c => Value(after, c)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await UserConflicts.DescribeAsync(dbFactory, userId, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityTypes.User, userId.ToString(CultureInfo.InvariantCulture),
            ChangeActions.Updated, actor.Id, actor.Name), ct);
        return Outcome.Done($"Saved: {string.Join(", ", changed)}.");
    }

    // as the text rule stores it: NFC, trimmed, null when empty (Check refused what cannot be stored)
    private static string? Clean(string? s) => TextRules.Normalize(s);

    private static List<string> Diff(Form a, Form b) =>
        typeof(Form).GetProperties().Where(p => !Equals(p.GetValue(a), p.GetValue(b))).Select(p => p.Name).ToList();

    private static object? Value(Form f, string property) => typeof(Form).GetProperty(property)!.GetValue(f);
}
