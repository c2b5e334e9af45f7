using AdminPortal.Shared;

namespace AdminPortal.Tests.Shared;

public sealed class ReasonRulesTests
{
    private static readonly ReasonRules Rules = new(5, 20, ["Blurry images"]);

    [Theory]
    [InlineData(null, "Give a reason.")]
    [InlineData("   ", "Give a reason.")]
    [InlineData("abc", "Give a reason of at least 5 characters.")]
    [InlineData("this reason is far too long", "Keep the reason under 21 characters.")]
    [InlineData("bad\0text", "The reason contains characters that cannot be stored.")]
    [InlineData("  fine reason  ", null)]
    [InlineData("two\nlines", null)]
    public void Checks_length_and_characters(string? reason, string? problem) => Assert.Equal(problem, Rules.Problem(reason));

    [Fact]
    public void An_optional_reason_may_be_empty_but_not_short() =>
        Assert.Multiple(
            () => Assert.Null((Rules with { Required = false }).Problem("")),
            () => Assert.NotNull((Rules with { Required = false }).Problem("ab")));
}
