namespace AdminPortal.Data.Rollups;

/// <summary>
/// How many brands are in each verification state (waiting, reupload, verified, incomplete; the brand queue's tabs),
/// kept by statement triggers on creators.brands in the writing transaction, like the products' live counters
/// (decision 0023) and the niche link counts (0031); decision 0036. The queue's tab counts without filters read these
/// four rows instead of four capped counts of up to 10,001 index entries each (74 ms p95 on the large data).
/// The state is the one <c>reporting.brand_state</c> derives from the three document statuses, the same rule as
/// <c>BrandFilters</c> (a test compares them brand by brand).
/// </summary>
public static class BrandStateSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS reporting.brand_states (
            state text PRIMARY KEY,
            brands integer NOT NULL DEFAULT 0);
        """;

    public const string Functions = """
        CREATE OR REPLACE FUNCTION reporting.brand_state(i creators.document_status, g creators.document_status,
                                                        p creators.document_status) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN 'pending' IN (i, g, p) THEN 'waiting'
                        WHEN 'rejected' IN (i, g, p) THEN 'reupload'
                        WHEN i = 'verified' AND g = 'verified' AND p = 'verified' THEN 'verified'
                        ELSE 'incomplete' END $$;

        CREATE OR REPLACE FUNCTION reporting.on_brand_states() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO reporting.brand_states AS c (state, brands)
                SELECT reporting.brand_state(incorporation_document_status, gst_document_status, pan_document_status), count(*)
                FROM new_rows GROUP BY 1
                ON CONFLICT (state) DO UPDATE SET brands = c.brands + excluded.brands;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO reporting.brand_states AS c (state, brands)
                SELECT state, sum(n) FROM (
                    SELECT reporting.brand_state(incorporation_document_status, gst_document_status, pan_document_status) AS state, -1 AS n FROM old_rows
                    UNION ALL
                    SELECT reporting.brand_state(incorporation_document_status, gst_document_status, pan_document_status), 1 FROM new_rows) d
                GROUP BY state HAVING sum(n) <> 0
                ON CONFLICT (state) DO UPDATE SET brands = c.brands + excluded.brands;
            ELSE
                INSERT INTO reporting.brand_states AS c (state, brands)
                SELECT reporting.brand_state(incorporation_document_status, gst_document_status, pan_document_status), -count(*)
                FROM old_rows GROUP BY 1
                ON CONFLICT (state) DO UPDATE SET brands = c.brands + excluded.brands;
            END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER brand_states_insert AFTER INSERT ON creators.brands REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_brand_states();
        CREATE TRIGGER brand_states_update AFTER UPDATE ON creators.brands REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_brand_states();
        CREATE TRIGGER brand_states_delete AFTER DELETE ON creators.brands REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_brand_states();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS brand_states_insert ON creators.brands;
        DROP TRIGGER IF EXISTS brand_states_update ON creators.brands;
        DROP TRIGGER IF EXISTS brand_states_delete ON creators.brands;
        DROP FUNCTION IF EXISTS reporting.on_brand_states();
        DROP FUNCTION IF EXISTS reporting.brand_state(creators.document_status, creators.document_status, creators.document_status);
        DROP TABLE IF EXISTS reporting.brand_states;
        """;

    /// <summary>The counts from scratch (the large load copies with triggers off).</summary>
    public const string Rebuild = """
        DELETE FROM reporting.brand_states;
        INSERT INTO reporting.brand_states (state, brands)
        SELECT reporting.brand_state(incorporation_document_status, gst_document_status, pan_document_status), count(*)
        FROM creators.brands GROUP BY 1;
        """;

    /// <summary>The four counters, for <c>Database.SqlQueryRaw</c>.</summary>
    public const string Read = "SELECT state AS \"State\", brands AS \"Brands\" FROM reporting.brand_states";
}
