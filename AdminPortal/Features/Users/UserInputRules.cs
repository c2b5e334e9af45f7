using System.Globalization;
using System.Text.RegularExpressions;
using AdminPortal.Data.Identity;
using AdminPortal.Shared;

namespace AdminPortal.Features.Users;

/// <summary>The field rules of the user forms. Each returns the message to show on the field, or null.</summary>
public static partial class UserInputRules
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+[1-9][0-9]{0,3}$")]
    private static partial Regex CountryCodeShape();

    // the text rules (TextRules: NFC, trimmed, no control characters, the column's length) under the field rules
    public static readonly TextRule EmailText = TextRules.For<PortalUser>(u => u.Email, "email", "The email address", required: true);
    public static readonly TextRule NameText = TextRules.For<PortalUser>(u => u.Name, "name", "The name", cap: 200, required: true);
    public static readonly TextRule PhoneText = TextRules.For<PortalUser>(u => u.PhoneNumber, "phone", "The phone number");
    public static readonly TextRule CountryCodeText = TextRules.For<PortalUser>(u => u.ContactNumberCountryCode, "country-code", "The country code", cap: 5);

    /// <summary>The free-text profile fields (city, state, ...): one line, at most this many characters.</summary>
    public const int ShortTextLength = 100;

    public static string? ShortText(string? text, string label) =>
        new TextRule("text", label, ShortTextLength).Check(text).Problem;

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Enter an email address."
        : EmailText.Check(email).Problem
          ?? (!EmailShape().IsMatch(TextRules.Normalize(email)!) ? "This is not an email address (name@example.org)." : null);

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter a name." : NameText.Check(name).Problem;

    /// <summary>A phone number: 6 to 15 digits (spaces and dashes allowed), optionally led by "+"; fits its column.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        if (PhoneText.Check(phone).Problem is { } problem)
            return problem;
        var t = phone.Trim();
        var body = t.StartsWith('+') ? t[1..] : t;
        var digits = body.Count(char.IsAsciiDigit);
        return body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-') && digits is >= 6 and <= 15
            ? null : "A phone number has 6 to 15 digits (spaces and dashes allowed), e.g. +91 98765 43210.";
    }

    /// <summary>Deed-O contact_number: digits only, stored as a number.</summary>
    public static string? ContactNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null
        : number.Trim().All(char.IsAsciiDigit) && number.Trim().Length is >= 6 and <= 15 && number.Trim()[0] != '0' ? null
        : "Digits only, 6 to 15 of them, without the country code or a leading 0.";

    public static string? CountryCode(string? code) =>
        string.IsNullOrWhiteSpace(code) || (CountryCodeText.Check(code).Ok && CountryCodeShape().IsMatch(code.Trim()))
            ? null : "A country code looks like +91.";

    /// <summary>Deed-O pincode (an integer column): 3 to 9 digits, no leading zero lost silently.</summary>
    public static string? Pincode(string? pincode) =>
        string.IsNullOrWhiteSpace(pincode) ? null
        : pincode.Trim().All(char.IsAsciiDigit) && pincode.Trim().Length is >= 3 and <= 9 && pincode.Trim()[0] != '0' ? null
        : "A pincode is 3 to 9 digits, not starting with 0 (e.g. 560034).";

    public static string? DateOfBirth(DateOnly? dob, DateOnly today) =>
        dob is null ? null
        : dob > today ? "The date of birth cannot be in the future."
        : dob < new DateOnly(1900, 1, 1) ? "The date of birth is before 1900: check the year."
        : null;

    public static long? ParseContactNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : long.Parse(number.Trim(), CultureInfo.InvariantCulture);

    public static int? ParsePincode(string? pincode) =>
        string.IsNullOrWhiteSpace(pincode) ? null : int.Parse(pincode.Trim(), CultureInfo.InvariantCulture);
}
