using System.Security.Cryptography;

namespace AdminPortal.Features.Account;

/// <summary>
/// RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits) as authenticator apps make them: used to confirm a new key before it
/// becomes the account's (sign-in codes are checked by Identity's authenticator token provider). The key is Base32.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(Base32.Decode(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="code"/> is the key's code now or one step either side (clock drift).</summary>
    public static bool Matches(string base32Key, string code, DateTimeOffset now) =>
        code.Length == 6 && Enumerable.Range(-1, 3).Any(step =>
            CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(base32Key, now.AddSeconds(30 * step))),
                System.Text.Encoding.ASCII.GetBytes(code)));
}

/// <summary>RFC 4648 Base32 without padding, as authenticator keys are written.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                throw new FormatException("Not a Base32 key.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
