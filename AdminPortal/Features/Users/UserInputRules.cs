using System.Globalization;
using System.Text.RegularExpressions;

namespace AdminPortal.Features.Users;

/// <summary>The field rules of the user forms. Each returns the message to show on the field, or null.</summary>
public static partial class UserInputRules
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+[1-9][0-9]{0,3}$")]
    private static partial Regex CountryCodeShape();

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Enter an email address."
        : email.Trim().Length > 256 || !EmailShape().IsMatch(email.Trim()) ? "This is not an email address (name@example.org)."
        : null;

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter a name." : name.Trim().Length > 200 ? "At most 200 characters." : null;

    /// <summary>A phone number: 6 to 15 digits (spaces and dashes allowed), optionally led by "+".</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
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
        string.IsNullOrWhiteSpace(code) || CountryCodeShape().IsMatch(code.Trim()) ? null : "A country code looks like +91.";

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
