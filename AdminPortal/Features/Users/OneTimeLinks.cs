namespace AdminPortal.Features.Users;

/// <summary>A one-time set-password link to hand over (shown once), the value of a forced password reset.</summary>
public sealed record OneTimeLink(string Link);

/// <summary>A new staff account and its one-time set-password link.</summary>
public sealed record CreatedAccount(int UserId, string Link);
