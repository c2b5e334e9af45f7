using AdminPortal.Shared;

namespace AdminPortal.Tests.Shared;

public sealed class OutcomeTests
{
    [Fact]
    public void Only_done_succeeds_and_a_refusal_names_its_field()
    {
        var refused = Outcome.Refused("Too short.", "reason");
        Assert.False(refused.Succeeded);
        Assert.Equal("Too short.", refused.ErrorFor("reason"));
        Assert.Null(refused.ErrorFor("title"));
        Assert.True(Outcome.Done("Saved.").Succeeded);
        Assert.Null(Outcome.Conflict("Changed.", "Asha").ErrorFor("reason"));
    }

    [Fact]
    public void A_failure_carries_over_to_a_typed_outcome_without_a_value()
    {
        var at = DateTimeOffset.Parse("2026-12-02T10:00:00Z");
        var typed = Outcome<int>.Failed(Outcome.Conflict("Changed first.", "Asha", at));
        Assert.Equal(OutcomeKind.Conflict, typed.Kind);
        Assert.Equal("Asha", typed.ChangedBy);
        Assert.Equal(at, typed.ChangedAt);
        Assert.Equal(0, typed.Value);
        Assert.Throws<ArgumentException>(() => Outcome<int>.Failed(Outcome.Done("ok")));
        Assert.Equal(42, Outcome<int>.Done(42, "Made.").Value);
    }
}
