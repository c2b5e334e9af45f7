namespace AdminPortal.Features.Notifications.Email;

/// <summary>Configuration section "Smtp": e-mail is a channel only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender ("AdminPortal &lt;portal@example.org&gt;").</summary>
    public string From { get; set; } = "AdminPortal <no-reply@adminportal.local>";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect, or None.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The portal's public address, to make links in e-mails absolute ("https://admin.example.org").</summary>
    public string? PortalUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
