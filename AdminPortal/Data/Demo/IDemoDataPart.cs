namespace AdminPortal.Data.Demo;

/// <summary>
/// One area's share of the demo data. Parts run in <see cref="Order"/> after the demo accounts, each reading the ids
/// it needs (users, products, hostels) from the database. Each uses its own fixed Bogus seed: the demo is deterministic.
/// </summary>
public interface IDemoDataPart
{
    /// <summary>Lower runs first. Platform users 100, catalog 200, vendors 300, creators 400, chat 500, helpdesk 600.</summary>
    int Order { get; }

    string Name { get; }

    Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct);

    /// <summary>
    /// At <see cref="DemoScale.Large"/>: the parts (by <see cref="Name"/>) whose load this one needs committed before
    /// it starts; it then runs on its own connection beside whatever else is loading (the two cores share the COPYs
    /// and index builds). Empty: right after the demo accounts. The small demo runs the parts one after another in
    /// <see cref="Order"/>.
    /// </summary>
    IReadOnlyList<string> LargeLoadAfter => [];

    /// <summary>Whether the rollups count anything of this part's tables: the load's rollups wait only for those parts.</summary>
    bool RollupsRead => true;
}

public enum DemoScale
{
    /// <summary>The small demo loaded on first start in Development (under 10 s).</summary>
    Demo,

    /// <summary>The large data set for benchmarks (loaded by COPY; see the data-model issue).</summary>
    Large,
}
