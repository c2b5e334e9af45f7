namespace AdminPortal.Security.Sessions;

/// <summary>Session lifetimes (configuration section <c>Sessions</c>; decision 0017).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session ends this long after sign-in, whatever happens (ASVS 7.3.2).</summary>
    public double AbsoluteHours { get; set; } = 12;

    /// <summary>A session not used for this long ends (ASVS 7.3.1): requests and activity on an open circuit count.</summary>
    public double IdleMinutes { get; set; } = 30;

    /// <summary>"Last seen" is written at most once per this many seconds per session (not on every request).</summary>
    public double TouchSeconds { get; set; } = 60;

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
    public TimeSpan Touch => TimeSpan.FromSeconds(TouchSeconds);
}
