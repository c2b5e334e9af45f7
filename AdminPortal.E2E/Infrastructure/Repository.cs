namespace AdminPortal.E2E.Infrastructure;

/// <summary>Paths in this checkout, found by walking up from the test binaries to AdminPortal.sln.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdminPortal.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AdminPortal.sln not found above the test binaries");
    });

    public static string Root => RootFolder.Value;

    /// <summary>Where a screenshot for a person to look at goes: TestResults/screenshots/ (created on demand).</summary>
    public static string ScreenshotPath(string fileName)
    {
        var folder = Path.Combine(Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
