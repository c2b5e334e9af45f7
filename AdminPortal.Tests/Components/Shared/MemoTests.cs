using AdminPortal.Components.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Components.Shared;

public sealed class MemoTests : MudBunitContext
{
    private int _renders;

    private RenderFragment Content(string text) => builder =>
    {
        _renders++;
        builder.AddContent(0, text);
    };

    [Fact]
    public void Renders_again_only_when_what_it_depends_on_changed_by_value()
    {
        var cut = Render<Memo>(p => p.Add(m => m.On, ("p1", true)).Add(m => m.ChildContent, Content("first")));
        Assert.Equal(1, _renders);

        cut.Render(p => p.Add(m => m.On, ("p1", true)).Add(m => m.ChildContent, Content("ignored")));
        Assert.Equal(1, _renders);
        Assert.Equal("first", cut.Markup);

        cut.Render(p => p.Add(m => m.On, ("p1", false)).Add(m => m.ChildContent, Content("second")));
        Assert.Equal(2, _renders);
        Assert.Equal("second", cut.Markup);
    }
}
