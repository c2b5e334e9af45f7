using AdminPortal.Data.Identity;
using AdminPortal.Features.Users.User;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Users.User;

/// <summary>Which field an error belongs to, and when the profile form follows a new read of the user.</summary>
public sealed class ProfileFormStateTests
{
    private static PortalUser User(uint version, string name = "Sana") =>
        new() { Id = 42, Email = "sana@example.org", Name = name, Version = version };

    [Fact]
    public void A_refusal_about_a_field_marks_that_field_only()
    {
        var state = new ProfileFormState();
        state.Sync(User(1));
        Assert.False(state.Saved(Outcome.Refused("Another account already uses this email.", "Email")));
        Assert.Equal("Another account already uses this email.", state.ErrorFor("Email"));
        Assert.Null(state.ErrorFor("Name"));
        Assert.False(state.Saved(Outcome.Refused("Nothing changed.")));
        Assert.Null(state.ErrorFor("Email"));
    }

    [Fact]
    public void Every_bad_field_of_the_local_check_is_marked_and_nothing_is_sent()
    {
        var state = new ProfileFormState();
        state.Sync(User(1));
        Assert.False(state.Checked(new Dictionary<string, string> { ["Pincode"] = "bad pincode", ["ContactNumber"] = "bad number" }));
        Assert.Equal(("bad pincode", "bad number"), (state.ErrorFor("Pincode"), state.ErrorFor("ContactNumber")));
        Assert.Equal(ProfileFormState.FixTheFields, state.Gate.Last?.Message);
        Assert.True(state.Checked(new Dictionary<string, string>()));
        Assert.Null(state.ErrorFor("Pincode"));
    }

    [Fact]
    public void Someone_elses_change_refreshes_an_untouched_form_but_keeps_typed_input_and_its_version()
    {
        var state = new ProfileFormState();
        state.Sync(User(1));
        state.Sync(User(2, "Sana S."));
        Assert.Equal(("Sana S.", 2u), (state.Form.Name, state.LoadedVersion));

        state.Form.Name = "Sana Sharma";
        state.Sync(User(3, "Someone else's edit"));
        Assert.Equal(("Sana Sharma", 2u), (state.Form.Name, state.LoadedVersion));

        // after a save (or the conflict's reload) the form follows the user as read
        Assert.True(state.Saved(Outcome.Done("Saved: Name.")));
        state.Sync(User(4, "Sana Sharma"));
        Assert.Equal(4u, state.LoadedVersion);
    }
}
