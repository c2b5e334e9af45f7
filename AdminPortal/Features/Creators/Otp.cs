namespace AdminPortal.Features.Creators;

/// <summary>Cloutsy otps: a phone verification code sent by SMS. Append-only; the portal never shows the code.</summary>
public class Otp
{
    /// <summary>Cloutsy otps.id.</summary>
    public int Id { get; set; }

    /// <summary>Cloutsy otps.phone.</summary>
    public required string Phone { get; set; }

    /// <summary>Cloutsy otps.otp: the code (the portal's demo stores a SHA-256 hex of it, never the code).</summary>
    public required string Code { get; set; }

    /// <summary>Cloutsy otps.isUsed (default false).</summary>
    public bool IsUsed { get; set; }

    /// <summary>Cloutsy otps.expiresAt.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Cloutsy otps.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Cloutsy otps.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }
}
