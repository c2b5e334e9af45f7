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
    /// At <see cref="DemoScale.Large"/>, true runs this part right after the demo accounts on its own connection,
    /// alongside the other parts (it needs nothing they load, and they need nothing of it): the two cores then share
    /// one COPY each. The small demo always runs parts one after another.
    /// </summary>
    bool LoadsAlongsideOthers => false;
}

public enum DemoScale
{
    /// <summary>The small demo loaded on first start in Development (under 10 s).</summary>
    Demo,

    /// <summary>The large data set for benchmarks (loaded by COPY; see the data-model issue).</summary>
    Large,
}
