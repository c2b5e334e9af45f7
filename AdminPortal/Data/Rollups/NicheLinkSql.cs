namespace AdminPortal.Data.Rollups;

/// <summary>
/// How many influencers and brands each niche has (the niches page), kept by statement triggers on the two link tables
/// in the linking transaction, like the live counters (decisions 0020, 0023; 0031 for this one). Counting the links
/// per visit read all of them: 1M influencer links, 194 ms on the quiet machine. A statement trigger adds one grouped
/// upsert per statement, so a niche merge that moves 25,000 links writes two counter rows, not 50,000 updates.
/// The counter rows belong to their niche (ON DELETE CASCADE; TRUNCATE of the niches empties them too).
/// </summary>
public static class NicheLinkSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS reporting.niche_link_counts (
            niche_id integer PRIMARY KEY REFERENCES creators.niches (id) ON DELETE CASCADE,
            influencers integer NOT NULL DEFAULT 0,
            brands integer NOT NULL DEFAULT 0);
        """;

    public const string Functions = """
        CREATE OR REPLACE FUNCTION reporting.on_niche_links() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- TG_ARGV[0]: 'influencers' or 'brands'; the transition tables old_links / new_links as the event has them
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO reporting.niche_link_counts AS c (niche_id, influencers, brands)
                SELECT niche_id, CASE WHEN TG_ARGV[0] = 'influencers' THEN -count(*) ELSE 0 END,
                       CASE WHEN TG_ARGV[0] = 'brands' THEN -count(*) ELSE 0 END
                FROM old_links GROUP BY niche_id
                ON CONFLICT (niche_id) DO UPDATE
                    SET influencers = c.influencers + excluded.influencers, brands = c.brands + excluded.brands;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO reporting.niche_link_counts AS c (niche_id, influencers, brands)
                SELECT niche_id, CASE WHEN TG_ARGV[0] = 'influencers' THEN count(*) ELSE 0 END,
                       CASE WHEN TG_ARGV[0] = 'brands' THEN count(*) ELSE 0 END
                FROM new_links GROUP BY niche_id
                ON CONFLICT (niche_id) DO UPDATE
                    SET influencers = c.influencers + excluded.influencers, brands = c.brands + excluded.brands;
            END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER niche_counts_insert AFTER INSERT ON creators.influencer_niches REFERENCING NEW TABLE AS new_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('influencers');
        CREATE TRIGGER niche_counts_update AFTER UPDATE ON creators.influencer_niches
            REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('influencers');
        CREATE TRIGGER niche_counts_delete AFTER DELETE ON creators.influencer_niches REFERENCING OLD TABLE AS old_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('influencers');
        CREATE TRIGGER niche_counts_insert AFTER INSERT ON creators.brand_niches REFERENCING NEW TABLE AS new_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('brands');
        CREATE TRIGGER niche_counts_update AFTER UPDATE ON creators.brand_niches
            REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('brands');
        CREATE TRIGGER niche_counts_delete AFTER DELETE ON creators.brand_niches REFERENCING OLD TABLE AS old_links
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_niche_links('brands');
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS niche_counts_insert ON creators.influencer_niches;
        DROP TRIGGER IF EXISTS niche_counts_update ON creators.influencer_niches;
        DROP TRIGGER IF EXISTS niche_counts_delete ON creators.influencer_niches;
        DROP TRIGGER IF EXISTS niche_counts_insert ON creators.brand_niches;
        DROP TRIGGER IF EXISTS niche_counts_update ON creators.brand_niches;
        DROP TRIGGER IF EXISTS niche_counts_delete ON creators.brand_niches;
        DROP FUNCTION IF EXISTS reporting.on_niche_links();
        DROP TABLE IF EXISTS reporting.niche_link_counts;
        """;

    /// <summary>The counts from scratch (the large load copies the links with triggers off).</summary>
    public const string Rebuild = """
        DELETE FROM reporting.niche_link_counts;
        INSERT INTO reporting.niche_link_counts (niche_id, influencers, brands)
        SELECT n.id, coalesce(i.links, 0), coalesce(b.links, 0)
        FROM creators.niches n
        LEFT JOIN (SELECT niche_id, count(*)::int AS links FROM creators.influencer_niches GROUP BY niche_id) i ON i.niche_id = n.id
        LEFT JOIN (SELECT niche_id, count(*)::int AS links FROM creators.brand_niches GROUP BY niche_id) b ON b.niche_id = n.id;
        ANALYZE reporting.niche_link_counts;
        """;
}
