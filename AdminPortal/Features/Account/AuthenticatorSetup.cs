using QRCoder;

namespace AdminPortal.Features.Account;

/// <summary>
/// What the set-up page shows: the key in groups of four (to type in), the otpauth URI and the same URI as a QR code,
/// a PNG made on the server and sent inline as a data: URI (img-src allows data:; no third-party service sees the key).
/// </summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrDataUri)
{
    public static AuthenticatorSetup For(string issuer, string account, string key)
    {
        var uri = $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
                  $"?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    private static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
