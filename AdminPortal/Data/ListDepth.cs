namespace AdminPortal.Data;

/// <summary>
/// How deep an OFFSET-paged list reaches (docs/decisions/0008-list-depth-cap.md): pages stop at the one holding row
/// <see cref="MaxRows"/>; a deeper page asked for opens that last one.
/// </summary>
public static class ListDepth
{
    public const int MaxRows = 10_000;

    /// <summary>The deepest page the pager offers at this page size.</summary>
    public static int LastPage(int pageSize) => (MaxRows + pageSize - 1) / pageSize;

    /// <summary>The rows skipped before <paramref name="page"/> (1-based), the page held to <see cref="LastPage"/>.</summary>
    public static int Offset(int page, int pageSize) => (Math.Clamp(page, 1, LastPage(pageSize)) - 1) * pageSize;
}
