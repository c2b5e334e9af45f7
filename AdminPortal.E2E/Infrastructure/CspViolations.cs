using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

[assembly: AdminPortal.E2E.Infrastructure.FailOnCspViolation]

namespace AdminPortal.E2E.Infrastructure;

/// <summary>
/// Content-Security-Policy violations Chromium reports on the console of any page of the run. Every context the
/// fixture makes is watched; <see cref="FailOnCspViolationAttribute"/> fails the test during which one was reported.
/// </summary>
public static class CspViolations
{
    private static readonly ConcurrentQueue<string> Reported = new();

    public static void Watch(IBrowserContext context) => context.Console += (_, message) =>
    {
        if (IsViolation(message.Type, message.Text))
            Reported.Enqueue($"{message.Page?.Url}: {message.Text}");
    };

    public static bool IsViolation(string type, string text) =>
        type == "error" && (text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                            || text.StartsWith("Refused to", StringComparison.Ordinal));

    public static List<string> Drain()
    {
        var drained = new List<string>();
        while (Reported.TryDequeue(out var message))
            drained.Add(message);
        return drained;
    }
}

/// <summary>Fails a test when the browser reported a Content-Security-Policy violation while it ran.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnCspViolationAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => CspViolations.Drain();

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = CspViolations.Drain();
        if (violations.Count > 0)
            throw new XunitException("The browser reported Content-Security-Policy violations:" + Environment.NewLine +
                                     string.Join(Environment.NewLine, violations));
    }
}
