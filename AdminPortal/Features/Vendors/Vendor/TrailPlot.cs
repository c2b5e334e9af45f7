using System.Globalization;

namespace AdminPortal.Features.Vendors.VendorScreen;

/// <summary>
/// The trail as an inline SVG plot: the points scaled into a fixed box (longitude across, latitude up), oldest to
/// newest as one line, the newest point marked. Nothing is fetched: no tiles, no map library.
/// </summary>
public sealed record TrailPlot(string Polyline, double NewestX, double NewestY, string Span)
{
    public const int Width = 320, Height = 220, Pad = 12;

    public static TrailPlot? Of(IReadOnlyList<TrailPoint> newestFirst)
    {
        if (newestFirst.Count == 0)
            return null;
        var (minLat, maxLat) = (newestFirst.Min(p => p.Lat), newestFirst.Max(p => p.Lat));
        var (minLong, maxLong) = (newestFirst.Min(p => p.Long), newestFirst.Max(p => p.Long));
        // one scale on both axes (with latitude's shrinking of longitude), so a square walk looks square
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLong - minLong) * cos, 1e-6);
        var spanY = Math.Max(maxLat - minLat, 1e-6);
        var scale = Math.Min((Width - 2 * Pad) / spanX, (Height - 2 * Pad) / spanY);
        (double X, double Y) At(TrailPoint p) =>
            (Pad + (p.Long - minLong) * cos * scale, Height - Pad - (p.Lat - minLat) * scale);
        var points = newestFirst.Reverse().Select(At).ToList();
        var newest = At(newestFirst[0]);
        var metres = Math.Max(spanX, spanY) * 111_320;
        return new TrailPlot(string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}")), newest.X, newest.Y,
            metres >= 1000 ? $"{metres / 1000:0.0} km across" : $"{metres:0} m across");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
