using AdminPortal.Shared;

namespace AdminPortal.Tests.Shared;

public sealed class QueryValuesTests
{
    public enum Tab { Suggestion, Published }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("-3", 1)]
    [InlineData("2147483647", 400)]
    [InlineData("99999999999999", 5)]
    [InlineData("abc", 5)]
    [InlineData(null, 5)]
    public void Numbers_are_clamped_or_fall_back(string? text, int expected) =>
        Assert.Equal(expected, QueryValues.Int(text, fallback: 5, min: 1, max: 400));

    [Theory]
    [InlineData("published", Tab.Published)]
    [InlineData("PUBLISHED", Tab.Published)]
    [InlineData("9651", null)]
    [InlineData("1", null)]
    [InlineData("-1", null)]
    [InlineData("Published,Suggestion", null)]
    [InlineData("", null)]
    public void Enums_are_read_by_defined_name_only(string text, Tab? expected) =>
        Assert.Equal(expected, QueryValues.Enum<Tab>(text));

    [Theory]
    [InlineData("2026-12-02", true)]
    [InlineData("2026-13-45", false)]
    [InlineData("02/12/2026", false)]
    [InlineData("2026-12-02T00:00", false)]
    public void Dates_are_yyyy_MM_dd(string text, bool valid) =>
        Assert.Equal(valid, QueryValues.Date(text) is not null);

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    [InlineData("1e300")]
    public void Amounts_refuse_what_is_not_a_finite_price(string text) => Assert.Null(QueryValues.Amount(text));

    [Fact]
    public void Text_loses_control_characters_and_is_bounded()
    {
        Assert.Equal("ab", QueryValues.Text(" a\0b\u0007 "));
        Assert.Equal(QueryValues.MaxTextLength, QueryValues.Text(new string('x', 10_000))!.Length);
        Assert.Null(QueryValues.Text("   "));
    }

    [Fact]
    public void Build_skips_empty_values_and_round_trips_through_parse()
    {
        var query = QueryValues.Build(new("q", "a b&c"), new("page", null), new("size", "50"));
        Assert.Equal("?q=a%20b%26c&size=50", query);
        var parsed = QueryValues.Parse(query);
        Assert.Equal("a b&c", parsed["q"]);
        Assert.False(parsed.ContainsKey("page"));
        Assert.Equal("", QueryValues.Build());
    }

    [Fact]
    public void Pages_are_one_based_and_held_to_the_last()
    {
        Assert.Equal(1, QueryValues.Page("0", 10));
        Assert.Equal(10, QueryValues.Page("1000000", 10));
        Assert.Equal(3, QueryValues.Page("3", 10));
    }
}
