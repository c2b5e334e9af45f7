using AdminPortal.Components.Shared;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;

namespace AdminPortal.Tests.Shared;

/// <summary>The one text rule (issue 20, item 6): normalised, trimmed, no control characters, the column's length.</summary>
public sealed class TextRulesTests : MudBunitContext
{
    private static readonly TextRule Line = new("title", "The title", 10, Required: true);
    private static readonly TextRule Lines = new("body", "The body", 10, MultiLine: true);

    [Theory]
    [InlineData("  fine  ", "fine", null)]
    [InlineData("", null, "The title cannot be empty.")]
    [InlineData("   ", null, "The title cannot be empty.")]
    [InlineData("nul\0here", null, "The title contains a NUL character, which cannot be stored.")]
    [InlineData("bell\a", null, "The title contains an invisible control character (U+0007), which cannot be stored.")]
    [InlineData("esc\u001b[2J", null, "The title contains an invisible control character (U+001B), which cannot be stored.")]
    [InlineData("c1\u0085x", null, "The title contains an invisible control character (U+0085), which cannot be stored.")]
    [InlineData("two\nlines", null, "The title must be on one line.")]
    [InlineData("trailing\n", "trailing", null)]
    [InlineData("eleven char", null, "The title is longer than 10 characters.")]
    [InlineData("ok \ud83d\ude00", "ok \ud83d\ude00", null)]
    [InlineData("e\u0301", "\u00e9", null)]   // NFC: e + combining acute is stored as é
    public void A_single_line_field(string value, string? stored, string? problem)
    {
        var result = Line.Check(value);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(stored, result.Value);
    }

    [Fact]
    public void A_lone_surrogate_is_refused() =>   // (not in InlineData: attribute strings cannot carry one)
        Assert.Equal("The title contains a broken character (half of an emoji or symbol).", Line.Check("x" + '\ud83d').Problem);

    [Fact]
    public void A_multi_line_field_keeps_line_breaks_and_tabs_but_not_other_controls()
    {
        Assert.Equal("a\r\nb\tc", Lines.Check("a\r\nb\tc").Value);
        Assert.NotNull(Lines.Check("a\0b").Problem);
        Assert.Null(Lines.Check(null).Problem);   // optional
    }

    [Fact]
    public void A_refusal_names_the_field_and_stores_nothing()
    {
        var refusal = Line.Refusal("x\0");
        Assert.Equal(OutcomeKind.Refused, refusal!.Kind);
        Assert.Equal("title", refusal.Field);
        Assert.Null(Line.Refusal("fine"));
    }

    [Fact]
    public void Limits_come_from_the_columns_in_the_model()
    {
        Assert.Equal(255, TextRules.ColumnLength<Ticket>(t => t.Title));
        Assert.Equal(32, TextRules.ColumnLength<Student>(s => s.RollNo));
        Assert.Equal(30, TextRules.ColumnLength<PortalUser>(u => u.PhoneNumber));
        Assert.Null(TextRules.ColumnLength<Ticket>(t => t.Description));   // text: the rule carries a cap
        Assert.Equal(255, TicketIntake.TitleRule.MaxLength);
        Assert.Equal(32, TicketIntake.RollNoRule.MaxLength);
        Assert.Equal(30, UserInputRules.PhoneText.MaxLength);
    }

    [Theory]
    [InlineData("+1 2 3 4 5 6 7 8 9 0 1 2 3 4 5")]   // 15 digits, but 30 characters with the spaces: still fits
    [InlineData("+1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6")] // 16 digits
    [InlineData("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 - - -")]
    public void A_phone_number_that_passes_the_rule_fits_its_column(string phone)
    {
        if (UserInputRules.Phone(phone) is null)
            Assert.True(TextRules.Normalize(phone)!.Length <= 30, phone);
    }

    [Fact]
    public void Direction_controls_are_shown_as_marks_where_names_are_shown()
    {
        const string disguised = "Asha \u202Enimda\u202C";
        Assert.Equal("Asha [RLO]nimda[PDF]", TextRules.Visible(disguised));
        Assert.Equal("plain", TextRules.Visible("plain"));
        var cut = Render<NameText>(p => p.Add(x => x.Text, disguised));
        Assert.Contains("[RLO]", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("plain", Render<NameText>(p => p.Add(x => x.Text, "plain")).Markup.Trim());
    }
}
