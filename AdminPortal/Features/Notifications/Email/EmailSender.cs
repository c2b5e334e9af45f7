using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdminPortal.Features.Notifications.Email;

/// <summary>One e-mail as the outbox carries it (payload of a notification.email row).</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends one e-mail through the configured SMTP server with MailKit; called by the outbox dispatcher only.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    public bool Configured => options.Value.Configured;

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var smtp = options.Value;
        if (!smtp.Configured)
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host).");
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(true, ct);
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
