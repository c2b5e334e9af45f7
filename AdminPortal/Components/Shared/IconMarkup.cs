using Microsoft.AspNetCore.Components;

namespace AdminPortal.Components.Shared;

/// <summary>
/// The inline SVG a MudIcon renders (medium unless <paramref name="size"/> says otherwise), as one markup string, for markup written out instead of components
/// (decision 0052): one frame in the caller's render tree and nothing kept per circuit, where a MudIcon is a component
/// with render-tree buffers of its own. <paramref name="icon"/> is one of MudBlazor's <c>Icons</c> (a constant path);
/// <paramref name="cssClass"/> a class of the portal's own, written as it is.
/// </summary>
public static class IconMarkup
{
    /// <summary>MudIconButton's classes for Color.Inherit (ripple on, medium size): the app bar's buttons.</summary>
    public const string InheritIconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    public static MarkupString Svg(string icon, string? cssClass = null, MudBlazor.Size size = MudBlazor.Size.Medium) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size.ToString().ToLowerInvariant()}{(cssClass is null ? "" : " " + cssClass)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
