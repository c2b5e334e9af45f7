namespace AdminPortal.Data.Rollups;

/// <summary>
/// Each vendor's Algolia and Cloudinary integrations (rows of vendors.integrations whose internal_id is the vendor's
/// id; Clerk rows name the owner and do not count), one row per vendor, kept by statement triggers on vendors.vendors
/// and vendors.integrations (decision 0036). The vendor list's "no integration", "Algolia" and "Cloudinary" filters
/// read the vendors through partial indexes: before, each probed the 215,000 integrations once per vendor and, for
/// its count, walked up to all 100,000 vendors (no integration: 367 ms p95 on the large data when none matched;
/// Cloudinary 61 ms).
/// Integrations are matched to vendors by text (the seed's loose reference): only an internal_id of digits counts.
/// Known gap: a vendor and its first integration inserted by two concurrent transactions leave the number at 0 until
/// <c>rollups rebuild</c>; the portal writes neither (the platforms do), the large load rebuilds.
/// </summary>
public static class VendorIntegrationSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS reporting.vendor_integrations (
            vendor_id integer PRIMARY KEY REFERENCES vendors.vendors (id) ON DELETE CASCADE,
            algolia integer NOT NULL DEFAULT 0,
            cloudinary integer NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_vendor_integrations_none ON reporting.vendor_integrations (vendor_id) WHERE algolia = 0 AND cloudinary = 0;
        CREATE INDEX IF NOT EXISTS ix_vendor_integrations_algolia ON reporting.vendor_integrations (vendor_id) WHERE algolia > 0;
        CREATE INDEX IF NOT EXISTS ix_vendor_integrations_cloudinary ON reporting.vendor_integrations (vendor_id) WHERE cloudinary > 0;
        """;

    // no braces: the text is also run through EF's ExecuteSqlRaw, which formats {0}
    private const string VendorOf = "CASE WHEN internal_id ~ '^[0-9]+$' AND length(internal_id) < 10 THEN internal_id::integer END";

    public const string Functions = $$"""
        CREATE OR REPLACE FUNCTION reporting.on_integration_vendors() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO reporting.vendor_integrations (vendor_id, algolia, cloudinary)
            SELECT n.id, (SELECT count(*) FROM vendors.integrations i WHERE i.internal_id = n.id::text AND i.service = 'algolia'),
                   (SELECT count(*) FROM vendors.integrations i WHERE i.internal_id = n.id::text AND i.service = 'cloudinary')
            FROM new_rows n
            ON CONFLICT (vendor_id) DO NOTHING;
            RETURN NULL;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.on_vendor_integrations() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                UPDATE reporting.vendor_integrations c SET algolia = c.algolia + d.a, cloudinary = c.cloudinary + d.c
                FROM (SELECT {{VendorOf}} AS vendor_id, count(*) FILTER (WHERE service = 'algolia') AS a,
                             count(*) FILTER (WHERE service = 'cloudinary') AS c
                      FROM new_rows WHERE service <> 'clerk' GROUP BY 1) d
                WHERE c.vendor_id = d.vendor_id;
            ELSIF TG_OP = 'UPDATE' THEN
                UPDATE reporting.vendor_integrations c SET algolia = c.algolia + d.a, cloudinary = c.cloudinary + d.c
                FROM (SELECT vendor_id, sum(a) AS a, sum(c) AS c FROM (
                          SELECT {{VendorOf}} AS vendor_id, -(service = 'algolia')::int AS a, -(service = 'cloudinary')::int AS c
                          FROM old_rows WHERE service <> 'clerk'
                          UNION ALL
                          SELECT {{VendorOf}}, (service = 'algolia')::int, (service = 'cloudinary')::int
                          FROM new_rows WHERE service <> 'clerk') x
                      GROUP BY vendor_id HAVING sum(a) <> 0 OR sum(c) <> 0) d
                WHERE c.vendor_id = d.vendor_id;
            ELSE
                UPDATE reporting.vendor_integrations c SET algolia = c.algolia - d.a, cloudinary = c.cloudinary - d.c
                FROM (SELECT {{VendorOf}} AS vendor_id, count(*) FILTER (WHERE service = 'algolia') AS a,
                             count(*) FILTER (WHERE service = 'cloudinary') AS c
                      FROM old_rows WHERE service <> 'clerk' GROUP BY 1) d
                WHERE c.vendor_id = d.vendor_id;
            END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER vendor_integrations_insert AFTER INSERT ON vendors.vendors REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_integration_vendors();
        CREATE TRIGGER vendor_integrations_insert AFTER INSERT ON vendors.integrations REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_vendor_integrations();
        CREATE TRIGGER vendor_integrations_update AFTER UPDATE ON vendors.integrations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_vendor_integrations();
        CREATE TRIGGER vendor_integrations_delete AFTER DELETE ON vendors.integrations REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_vendor_integrations();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS vendor_integrations_insert ON vendors.vendors;
        DROP TRIGGER IF EXISTS vendor_integrations_insert ON vendors.integrations;
        DROP TRIGGER IF EXISTS vendor_integrations_update ON vendors.integrations;
        DROP TRIGGER IF EXISTS vendor_integrations_delete ON vendors.integrations;
        DROP FUNCTION IF EXISTS reporting.on_integration_vendors();
        DROP FUNCTION IF EXISTS reporting.on_vendor_integrations();
        DROP TABLE IF EXISTS reporting.vendor_integrations;
        """;

    /// <summary>The numbers from scratch (the large load copies with triggers off).</summary>
    public const string Rebuild = $"""
        DELETE FROM reporting.vendor_integrations;
        INSERT INTO reporting.vendor_integrations (vendor_id, algolia, cloudinary)
        SELECT v.id, coalesce(i.a, 0), coalesce(i.c, 0) FROM vendors.vendors v
        LEFT JOIN (SELECT {VendorOf} AS vendor_id, count(*) FILTER (WHERE service = 'algolia')::int AS a,
                          count(*) FILTER (WHERE service = 'cloudinary')::int AS c
                   FROM vendors.integrations WHERE service <> 'clerk' GROUP BY 1) i ON i.vendor_id = v.id;
        ANALYZE reporting.vendor_integrations;
        """;

    /// <summary>The vendors each filter keeps, for <c>Database.SqlQueryRaw&lt;int&gt;</c> (column "Value").</summary>
    public const string VendorsWithout = "SELECT vendor_id AS \"Value\" FROM reporting.vendor_integrations WHERE algolia = 0 AND cloudinary = 0";

    public const string VendorsWithAlgolia = "SELECT vendor_id AS \"Value\" FROM reporting.vendor_integrations WHERE algolia > 0";

    public const string VendorsWithCloudinary = "SELECT vendor_id AS \"Value\" FROM reporting.vendor_integrations WHERE cloudinary > 0";
}
