namespace AdminPortal.Data.Rollups;

/// <summary>
/// Each Venta user's vendors and subscriptions in three numbers (vendors owned, subscriptions, active ones), kept by
/// statement triggers on vendors.vendors and vendors.subscriptions in the writing transaction, like the niche link
/// counts (decision 0031; 0036 for this one). The vendor list's owner filters read it through partial indexes:
/// "active" (vendors &gt; 0, active &gt; 0), "lapsed" (subscriptions but none active), "no subscription" (vendors but no
/// subscription). Before, telling a lapsed owner from an active one hashed every active subscription (74,000 of
/// 150,000 rows on the large data) for each page and again for its count, and "no subscription" walked all 100,000
/// vendors when few or none match; here each filter starts from its owners (decision 0036 has the figures).
/// A row exists while one of the numbers is not 0. No foreign key to auth.users on purpose: deleting a user cascades
/// to their vendors and subscriptions, whose triggers bring the row to zero and delete it; a key would refuse those
/// triggers' upserts once the user row is gone. No CHECK on the numbers either: PostgreSQL checks the row an upsert
/// proposes (a difference, -1) before it finds the conflict that turns it into an update.
/// </summary>
public static class VendorOwnerSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS reporting.vendor_owners (
            user_id integer PRIMARY KEY,
            vendors integer NOT NULL DEFAULT 0,
            subscriptions integer NOT NULL DEFAULT 0,
            active integer NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_vendor_owners_active ON reporting.vendor_owners (user_id) WHERE vendors > 0 AND active > 0;
        CREATE INDEX IF NOT EXISTS ix_vendor_owners_lapsed ON reporting.vendor_owners (user_id)
            WHERE vendors > 0 AND subscriptions > 0 AND active = 0;
        CREATE INDEX IF NOT EXISTS ix_vendor_owners_none ON reporting.vendor_owners (user_id) WHERE vendors > 0 AND subscriptions = 0;
        """;

    public const string Functions = """
        CREATE OR REPLACE FUNCTION reporting.on_owner_vendors() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO reporting.vendor_owners AS o (user_id, vendors)
                SELECT user_id, count(*) FROM new_rows GROUP BY user_id
                ON CONFLICT (user_id) DO UPDATE SET vendors = o.vendors + excluded.vendors;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO reporting.vendor_owners AS o (user_id, vendors)
                SELECT user_id, sum(n) FROM (
                    SELECT user_id, -1 AS n FROM old_rows UNION ALL SELECT user_id, 1 FROM new_rows) d
                GROUP BY user_id HAVING sum(n) <> 0
                ON CONFLICT (user_id) DO UPDATE SET vendors = o.vendors + excluded.vendors;
            ELSE
                UPDATE reporting.vendor_owners o SET vendors = o.vendors - d.n
                FROM (SELECT user_id, count(*) AS n FROM old_rows GROUP BY user_id) d WHERE o.user_id = d.user_id;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM reporting.vendor_owners o USING (SELECT DISTINCT user_id FROM old_rows) d
                WHERE o.user_id = d.user_id AND o.vendors = 0 AND o.subscriptions = 0;
            END IF;
            RETURN NULL;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.on_owner_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO reporting.vendor_owners AS o (user_id, subscriptions, active)
                SELECT user_id, count(*), count(*) FILTER (WHERE status = 'active') FROM new_rows GROUP BY user_id
                ON CONFLICT (user_id) DO UPDATE
                    SET subscriptions = o.subscriptions + excluded.subscriptions, active = o.active + excluded.active;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO reporting.vendor_owners AS o (user_id, subscriptions, active)
                SELECT user_id, sum(n), sum(a) FROM (
                    SELECT user_id, -1 AS n, -(status = 'active')::int AS a FROM old_rows
                    UNION ALL SELECT user_id, 1, (status = 'active')::int FROM new_rows) d
                GROUP BY user_id HAVING sum(n) <> 0 OR sum(a) <> 0
                ON CONFLICT (user_id) DO UPDATE
                    SET subscriptions = o.subscriptions + excluded.subscriptions, active = o.active + excluded.active;
            ELSE
                UPDATE reporting.vendor_owners o SET subscriptions = o.subscriptions - d.n, active = o.active - d.a
                FROM (SELECT user_id, count(*) AS n, count(*) FILTER (WHERE status = 'active') AS a FROM old_rows GROUP BY user_id) d
                WHERE o.user_id = d.user_id;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM reporting.vendor_owners o USING (SELECT DISTINCT user_id FROM old_rows) d
                WHERE o.user_id = d.user_id AND o.vendors = 0 AND o.subscriptions = 0;
            END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER vendor_owners_insert AFTER INSERT ON vendors.vendors REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_vendors();
        CREATE TRIGGER vendor_owners_update AFTER UPDATE ON vendors.vendors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_vendors();
        CREATE TRIGGER vendor_owners_delete AFTER DELETE ON vendors.vendors REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_vendors();
        CREATE TRIGGER vendor_owners_insert AFTER INSERT ON vendors.subscriptions REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_subscriptions();
        CREATE TRIGGER vendor_owners_update AFTER UPDATE ON vendors.subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_subscriptions();
        CREATE TRIGGER vendor_owners_delete AFTER DELETE ON vendors.subscriptions REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.on_owner_subscriptions();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS vendor_owners_insert ON vendors.vendors;
        DROP TRIGGER IF EXISTS vendor_owners_update ON vendors.vendors;
        DROP TRIGGER IF EXISTS vendor_owners_delete ON vendors.vendors;
        DROP TRIGGER IF EXISTS vendor_owners_insert ON vendors.subscriptions;
        DROP TRIGGER IF EXISTS vendor_owners_update ON vendors.subscriptions;
        DROP TRIGGER IF EXISTS vendor_owners_delete ON vendors.subscriptions;
        DROP FUNCTION IF EXISTS reporting.on_owner_vendors();
        DROP FUNCTION IF EXISTS reporting.on_owner_subscriptions();
        DROP TABLE IF EXISTS reporting.vendor_owners;
        """;

    /// <summary>The numbers from scratch (the large load copies with triggers off).</summary>
    public const string Rebuild = """
        DELETE FROM reporting.vendor_owners;
        INSERT INTO reporting.vendor_owners (user_id, vendors, subscriptions, active)
        SELECT user_id, sum(v)::int, sum(s)::int, sum(a)::int FROM (
            SELECT user_id, count(*) AS v, 0 AS s, 0 AS a FROM vendors.vendors GROUP BY user_id
            UNION ALL
            SELECT user_id, 0, count(*), count(*) FILTER (WHERE status = 'active') FROM vendors.subscriptions GROUP BY user_id) x
        GROUP BY user_id;
        ANALYZE reporting.vendor_owners;
        """;

    /// <summary>The owners each filter starts from, for <c>Database.SqlQuery&lt;int&gt;</c> (column "Value").</summary>
    public const string ActiveOwners = "SELECT user_id AS \"Value\" FROM reporting.vendor_owners WHERE vendors > 0 AND active > 0";

    public const string LapsedOwners = "SELECT user_id AS \"Value\" FROM reporting.vendor_owners WHERE vendors > 0 AND subscriptions > 0 AND active = 0";

    public const string OwnersWithoutSubscription = "SELECT user_id AS \"Value\" FROM reporting.vendor_owners WHERE vendors > 0 AND subscriptions = 0";
}
