using System.Text.RegularExpressions;
using AdminPortal.Security;

namespace AdminPortal.Tests.Security;

/// <summary>The one safe-link rule (issue 20): what may become an href or a src, and that every .razor file uses it.</summary>
public sealed partial class SafeLinksTests
{
    [Theory]
    [InlineData("https://vendor.example/p/1?x=1", "https://vendor.example/p/1?x=1")]
    [InlineData("http://vendor.example/a", "http://vendor.example/a")]
    [InlineData("HTTPS://Vendor.Example", "https://vendor.example/")]
    [InlineData("/assets/chat/photo.svg", "/assets/chat/photo.svg")]
    [InlineData("/assets/products/tea%20cup.png", "/assets/products/tea%20cup.png")]
    public void Addresses_of_other_sites_and_the_portals_media_are_links(string url, string expected) =>
        Assert.Equal(expected, SafeLinks.Href(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/x")]
    [InlineData("//evil.example/x.png")]
    [InlineData("///evil.example/x.png")]
    [InlineData("/\\evil.example/x.png")]
    [InlineData("\\\\evil.example/x.png")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https://evil.example\\@portal.example")]
    [InlineData("https://portal.example@evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("https://")]
    [InlineData("/users/export.csv?role=Admin&x=.png")]
    [InlineData("/users/5")]
    [InlineData("/")]
    [InlineData("users/export.csv")]
    [InlineData("/assets/")]
    [InlineData("/assets/../users/export.csv")]
    [InlineData("/assets/%2e%2e/users/export.csv")]
    [InlineData("/assets/.%2E/users/export.csv")]
    [InlineData("/assets/chat/%2f%2fevil")]
    [InlineData("/assets/chat/%5cevil")]
    [InlineData("/assets//evil.example/x.png")]
    [InlineData("/assets/chat/photo.svg?download=1")]
    [InlineData("/assets/chat/photo.svg#x")]
    [InlineData("/assets/chat/photo%00.svg")]
    [InlineData("/assets/chat/photo\u0000.svg")]
    [InlineData("/assets/chat/ph oto.svg")]
    [InlineData("https://vendor.example/\u202Egnp.exe")]
    [InlineData("https://vendor.example/a\u0007b")]
    [InlineData("https://vendor.example/a b")]
    public void Everything_else_is_not_a_link(string? url) => Assert.Null(SafeLinks.Href(url));

    [Fact]
    public void Very_long_addresses_are_not_links() =>
        Assert.Null(SafeLinks.Href("https://vendor.example/" + new string('a', 3000)));

    [Theory]
    [InlineData("/tickets/5", "/tickets/5")]
    [InlineData("/chats/0f8fad5b-d9cb-469f-a165-70867728950e?m=3", "/chats/0f8fad5b-d9cb-469f-a165-70867728950e?m=3")]
    [InlineData("https://evil.example/", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("//evil.example", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("/%2f/evil.example", null)]
    [InlineData("/tickets/../users", null)]
    [InlineData("tickets/5", null)]
    [InlineData("/tickets/5\r\nSet-Cookie: x", null)]
    [InlineData(null, null)]
    public void Notification_links_are_pages_of_the_portal(string? link, string? expected) =>
        Assert.Equal(expected, SafeLinks.PortalPage(link));

    /// <summary>
    /// Every <c>href="@…"</c> and <c>src="@…"</c> (any case, MudBlazor's <c>Href</c> included) in every .razor file takes
    /// a value from <see cref="SafeLinks"/>, a variable assigned from it in the same file, a portal path written in the
    /// markup (<c>$"/users/{id}"</c>), or one of the few portal-made values listed below with why. A new page that puts
    /// a value from the data into a link without the rule fails here.
    /// </summary>
    [Fact]
    public void Every_data_driven_href_and_src_in_the_razor_files_goes_through_the_rule()
    {
        var root = Path.Combine(RepositoryFolder(), "AdminPortal");
        var files = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var offenders = new List<string>();
        var checkedCount = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var safeNames = SafeVariable().Matches(text).Select(m => m.Groups["name"].Value)
                .Concat(SafeAssignment().Matches(text).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);
            foreach (Match m in DataAttribute().Matches(text))
            {
                checkedCount++;
                var value = m.Groups["value"].Value.Trim();
                if (value.StartsWith('(') && value.EndsWith(')'))
                    value = value[1..^1].Trim();
                if (value.StartsWith("SafeLinks.", StringComparison.Ordinal)
                    || PortalPath().IsMatch(value)
                    || safeNames.Contains(Root().Match(value).Value)
                    || PortalMade.Contains((Path.GetFileName(file), value)))
                    continue;
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                offenders.Add($"{Path.GetRelativePath(root, file)}:{line}: {m.Value}");
            }
        }
        Assert.True(checkedCount > 20, $"only {checkedCount} attributes found: is the scan still reading the markup?");
        Assert.True(offenders.Count == 0, "href/src values not passed through SafeLinks:\n" + string.Join("\n", offenders));
    }

    /// <summary>Values the portal makes itself (never from stored data), each checked by hand.</summary>
    private static readonly HashSet<(string File, string Value)> PortalMade =
    [
        ("App.razor", "Assets[\"app.css\"]"),                    // the framework's fingerprinted static files
        ("App.razor", "Assets[\"app.js\"]"),
        ("App.razor", "Assets[\"_content/MudBlazor/MudBlazor.min.css\"]"),   // MudBlazor's and the framework's own files,
        ("App.razor", "Assets[\"_content/MudBlazor/MudBlazor.min.js\"]"),    // fingerprinted (decision 0056)
        ("App.razor", "Assets[\"_framework/blazor.web.js\"]"),
        ("ProductQueueRow.razor", "ReviewUrl"),                  // ProductQueueState.ReviewUrl: "/products/{id}?..."
        ("NavMenu.razor", "section.Href"),                       // NavMenu.All: the sections' constant paths ("/products")
        ("ProductReviewPage.razor", "BackUrl"),                  // ProductQueueState.Url(query): "/products?..."
        ("ProductVendorCard.razor", "ProductQueueState.Url(ProductQueueQuery.Default with { VendorId = Vendor.Id })"),
        ("TicketQueueRow.razor", "Href"),                        // $"/tickets/{Row.Id}" (an int)
        ("LinkList.razor", "Prefix + row.Id"),                   // Prefix is "/products/", "/tickets/" or "/chats/"
        ("BrandQueueRow.razor", "ReviewUrl"),                    // BrandQueueState.ReviewUrl: "/brands/{id}?..."
        ("BrandReviewPage.razor", "BackUrl"),                    // BrandQueueState.Url(query): "/brands?..."
        ("VendorListRow.razor", "Url"),                          // VendorListState.VendorUrl: "/vendors/{id}?..."
        ("VendorPage.razor", "BackUrl"),                         // VendorListState.Url(query): "/vendors?..."
        ("App.razor", "Assets[\"passkeys.js\"]"),               // the passkey ceremony's static script
        ("SecondFactor.razor", "SecondStep.WithReturn(SecondStep.RecoveryPath, ReturnUrl)"),      // a constant path, the return
        ("Recovery.razor", "SecondStep.WithReturn(SecondStep.SecondFactorPath, ReturnUrl)"),      // URL made local by SafeReturnUrl and escaped
        ("EnrolSecondFactor.razor", "LoginAttempt.SafeReturnUrl(ReturnUrl)"),                      // local paths only, else "/"
        ("AuthenticatorSetupForm.razor", "setup.QrDataUri"),    // data:image/png made by QRCoder from the portal's own otpauth URI
        ("AuditLogRow.razor", "href"),                          // AuditLinks.For: "/products/", "/tickets/", ... + the id escaped
    ];

    /// <summary>Attributes the browser fetches or follows: href, src (and MudBlazor's Href/Src), with a Razor value.</summary>
    [GeneratedRegex("""\b(?:href|src)\s*=\s*"@(?<value>\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|[\w.]+(?:\[[^\]]*\]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*(?:\.\w+)*)""", RegexOptions.IgnoreCase)]
    private static partial Regex DataAttribute();

    /// <summary>A portal path written in the markup: $"/users/{id}" (a literal first segment, so never another site).</summary>
    [GeneratedRegex("""^\$"/[a-z]""")]
    private static partial Regex PortalPath();

    [GeneratedRegex("""SafeLinks\.\w+\([^;{}]*\)\s+is\s+(?:not\s+)?\{\s*\}\s+(?<name>\w+)""")]
    private static partial Regex SafeVariable();

    [GeneratedRegex("""\b(?<name>_?\w+)\s*=\s*[^;=]*SafeLinks\.""")]
    private static partial Regex SafeAssignment();

    [GeneratedRegex("""^[\w]+""")]
    private static partial Regex Root();

    private static string RepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdminPortal", "AdminPortal.csproj")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AdminPortal/AdminPortal.csproj not found above the test output");
    }
}

/// <summary>Whether a ticket attachment is an image comes from its stored type, not from its address.</summary>
public sealed class TicketAttachmentTypeTests
{
    [Theory]
    [InlineData("/assets/tickets/tap.svg", "image/svg+xml", true)]
    [InlineData("/assets/tickets/tap.bin", "image/png", true)]
    [InlineData("/users/export.csv?role=Admin&x=.png", null, false)]
    [InlineData("/assets/tickets/report.png", "application/pdf", false)]
    public void An_attachment_is_an_image_by_its_stored_type(string url, string? type, bool image) =>
        Assert.Equal(image, new AdminPortal.Features.Tickets.TicketScreen.TicketAttachment("f", url, type).IsImage);
}
