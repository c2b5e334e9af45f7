using System.Security.Cryptography;

namespace AdminPortal.Features.Products;

/// <summary>Product ids: "IM_" and 16 characters of Crockford base32.</summary>
public static class ProductIds
{
    public const string Prefix = "IM_";
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>A deterministic id for bulk and demo loads: the number in base32, zero-padded.</summary>
    public static string FromNumber(long n)
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 15; i >= 0; i--, n >>= 5)
            chars[i] = Alphabet[(int)(n & 31)];
        return string.Concat(Prefix, chars);
    }
}
