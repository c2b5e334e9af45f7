using NpgsqlTypes;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Deed-O users_roles_enum (auth schema). Not the portal's roles: those are auth.user_roles.</summary>
public enum PlatformUserRole
{
    [PgName("moderator")] Moderator,
    [PgName("admin")] Admin,
    [PgName("user")] User,
}

/// <summary>Deed-O users_statuses_enum.</summary>
public enum PlatformUserStatus
{
    [PgName("inactive")] Inactive,
    [PgName("verified")] Verified,
    [PgName("not-verified")] NotVerified,
}

/// <summary>Deed-O platform_types_enum: where a user registered, which app a token or OTP is for.</summary>
public enum PlatformType
{
    [PgName("dobe")] Dobe,
    [PgName("cause-i")] CauseI,
    [PgName("deed-o")] DeedO,
}

/// <summary>Deed-O user_verification_actions_enum.</summary>
public enum VerificationAction
{
    [PgName("login")] Login,
    [PgName("register")] Register,
}
