using MudBlazor;

namespace AdminPortal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#8a4f2f",
            AppbarBackground = "#1f3b57",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb0e0",
            Secondary = "#e0a27f",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
