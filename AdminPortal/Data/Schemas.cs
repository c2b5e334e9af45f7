namespace AdminPortal.Data;

/// <summary>One PostgreSQL schema per source platform area.</summary>
public static class Schemas
{
    public const string Auth = "auth";
    public const string Catalog = "catalog";
    public const string Chat = "chat";
    public const string Helpdesk = "helpdesk";
    public const string Vendors = "vendors";
    public const string Creators = "creators";
    public const string Audit = "audit";
    /// <summary>Daily rollups for the dashboard and reports (decision 0020).</summary>
    public const string Reporting = "reporting";
    /// <summary>What the portal's own workers did (decision 0027).</summary>
    public const string Ops = "ops";
}
