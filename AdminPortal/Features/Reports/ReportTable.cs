using AdminPortal.Features.Dashboard;

namespace AdminPortal.Features.Reports;

/// <summary>A report as its table shows it and its CSV writes it: the same header and cells, and its chart.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    ChartFigure Chart)
{
    public bool IsEmpty => Rows.Count == 0;
}
