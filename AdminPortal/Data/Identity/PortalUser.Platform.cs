using AdminPortal.Features.Users.Platform;

namespace AdminPortal.Data.Identity;

/// <summary>The Deed-O (seed 000) and chat-app (seed 001) columns of auth.users.</summary>
public partial class PortalUser
{
    /// <summary>Deed-O users.contact_number (bigint).</summary>
    public long? ContactNumber { get; set; }

    /// <summary>Deed-O users.contact_number_country_code.</summary>
    public string? ContactNumberCountryCode { get; set; }

    /// <summary>Deed-O users.city.</summary>
    public string? City { get; set; }

    /// <summary>Deed-O users.state.</summary>
    public string? State { get; set; }

    /// <summary>Deed-O users.country.</summary>
    public string? Country { get; set; }

    /// <summary>Deed-O users.pincode (integer).</summary>
    public int? Pincode { get; set; }

    /// <summary>Deed-O users.gender.</summary>
    public string? Gender { get; set; }

    /// <summary>Deed-O users.dob (date).</summary>
    public DateOnly? Dob { get; set; }

    /// <summary>Deed-O users.status, users_statuses_enum, default 'not-verified'.</summary>
    public PlatformUserStatus Status { get; set; } = PlatformUserStatus.NotVerified;

    /// <summary>
    /// Deed-O users.registration_platform, NOT NULL. The portal adds the default 'deed-o' so rows Identity creates
    /// (portal staff) are valid; Deed-O itself always sets it.
    /// </summary>
    public PlatformType RegistrationPlatform { get; set; } = PlatformType.DeedO;

    /// <summary>Deed-O users.purpose_code.</summary>
    public string? PurposeCode { get; set; }

    /// <summary>Deed-O users.nationality.</summary>
    public string? Nationality { get; set; }

    /// <summary>Deed-O users.ethnicity.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>Deed-O users.qualification.</summary>
    public string? Qualification { get; set; }

    /// <summary>Deed-O users.profession.</summary>
    public string? Profession { get; set; }

    /// <summary>Deed-O users.role, users_roles_enum, default 'user'. The platform role, not a portal permission.</summary>
    public PlatformUserRole PlatformRole { get; set; } = PlatformUserRole.User;

    /// <summary>Deed-O users.is_online, default false.</summary>
    public bool? IsOnline { get; set; } = false;

    /// <summary>Chat app users.username (unique there; nullable here because Identity's user_name is the login).</summary>
    public string? Username { get; set; }

    /// <summary>Chat app users.last_login_at.</summary>
    public DateTime? LastLoginAt { get; set; }

    /// <summary>Chat app users.is_active, NOT NULL default true.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Chat app users.is_verified, NOT NULL default false.</summary>
    public bool IsVerified { get; set; }
}
