using MudBlazor;

namespace AdminPortal.Components.Layout;

/// <summary>
/// The portal's colours. Every status colour reads at 4.5:1 or better as text on the surface (and on its own light
/// tint, the text chip's background) and under its contrast text on a filled chip or button: light against white,
/// dark against the dark surface (#373740). MudBlazor's defaults (#00c853, #f44336, #2196f3, #ff9800) do not.
/// </summary>
public static class PortalTheme
{
    private const string DarkInk = "rgba(0,0,0,0.87)";   // text on the light colours of the dark palette

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#8a4f2f",
            AppbarBackground = "#1f3b57",
            Success = "#2e7d32",
            Error = "#c62828",
            Info = "#01579b",
            Warning = "#a84d08",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cbbe8",
            PrimaryContrastText = DarkInk,
            Secondary = "#e0a27f",
            SecondaryContrastText = DarkInk,
            Success = "#81c784",
            SuccessContrastText = DarkInk,
            Error = "#ff9e97",
            ErrorContrastText = DarkInk,
            Info = "#7cc0f8",
            InfoContrastText = DarkInk,
            Warning = "#ffb74d",
            WarningContrastText = DarkInk,
            TextSecondary = "rgba(255,255,255,0.70)",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
