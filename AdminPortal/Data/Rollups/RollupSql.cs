namespace AdminPortal.Data.Rollups;

/// <summary>
/// The rollups' triggers and their from-scratch recount (decision 0020). Each trigger adds a row's contribution in the
/// transaction that changes the row: a decision's audit record (moderation), a ticket or a comment (tickets), a user
/// (users). An update takes the old row's contribution away and adds the new one's, so the rollups always equal
/// <see cref="Rebuild"/>'s recount. The large load copies with triggers off and then rebuilds.
/// </summary>
public static class RollupSql
{
    /// <summary>The shared expressions, so the triggers and the recount count alike.</summary>
    public const string Functions = """
        CREATE OR REPLACE FUNCTION reporting.utc_day(t timestamptz) RETURNS date
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;

        -- WaitBuckets.Of: 0 up to 5 minutes, then each bucket 1.5 times the last, 24 the open end. One expression
        -- without FROM, so the planner inlines it (a call per row through the SQL function executor was most of the
        -- recount's time), in double precision like its C# twin (numeric ln was most of the rest; decision 0023)
        CREATE OR REPLACE FUNCTION reporting.bucket_of(d interval) RETURNS smallint
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN extract(epoch FROM d)::float8 / 60 <= 5 THEN 0::smallint
                        ELSE least(24, ceil(ln(extract(epoch FROM d)::float8 / 60 / 5) / ln(1.5::float8)))::smallint END $$;

        -- ModerationOutcome from the audit action
        CREATE OR REPLACE FUNCTION reporting.outcome_of(action text) RETURNS smallint
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE action WHEN 'product.approve' THEN 0 WHEN 'product.reject' THEN 1
                               WHEN 'product.request_changes' THEN 2 END::smallint $$;

        -- the cause a decision's audit record names (its C# name), so a later edit of the product does not move it
        CREATE OR REPLACE FUNCTION reporting.cause_named(name text) RETURNS catalog.causes_enum
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE name WHEN 'GriefCare' THEN 'Grief care' WHEN 'SustainableFashion' THEN 'Sustainable fashion'
                WHEN 'SustainableTourism' THEN 'Sustainable tourism'
                WHEN 'IntangibleCultureAndHeritage' THEN 'Intangible culture and heritage'
                WHEN 'SustainableFoodAndAgriculture' THEN 'Sustainable food and agriculture' END::catalog.causes_enum $$;

        -- the first reply to the student: a comment the student sees, by someone other than the ticket's author
        CREATE OR REPLACE FUNCTION reporting.first_response(p_ticket int, p_creator int) RETURNS timestamptz
            LANGUAGE sql STABLE AS $$
            SELECT min(c.created_at) FROM helpdesk.comments c
            WHERE c.ticket_id = p_ticket AND NOT c.is_internal AND c.author_id IS DISTINCT FROM p_creator $$;

        CREATE OR REPLACE FUNCTION reporting.add_ticket(p_day date, p_hostel int, p_category int, p_staff int,
            p_measure smallint, p_bucket smallint, p_n int) RETURNS void LANGUAGE sql AS $$
            INSERT INTO reporting.ticket_daily AS r (day, hostel_id, category_id, staff_id, measure, bucket, tickets)
            VALUES (p_day, p_hostel, p_category, p_staff, p_measure, p_bucket, p_n)
            ON CONFLICT (day, hostel_id, category_id, staff_id, measure, bucket)
            DO UPDATE SET tickets = r.tickets + excluded.tickets $$;

        CREATE OR REPLACE FUNCTION reporting.add_first_response(t helpdesk.tickets, p_at timestamptz, p_n int) RETURNS void
            LANGUAGE sql AS $$
            SELECT reporting.add_ticket(reporting.utc_day(p_at), coalesce(t.hostel_id, 0), coalesce(t.category_id, 0),
                coalesce(t.assigned_to, 0), 3::smallint, reporting.bucket_of(p_at - t.created_at), p_n)
            WHERE p_at IS NOT NULL $$;

        -- a ticket's resolution (resolved, within the SLA): all a resolution or a reopening changes
        CREATE OR REPLACE FUNCTION reporting.apply_resolution(t helpdesk.tickets, n int) RETURNS void
            LANGUAGE plpgsql AS $$
        DECLARE
            h int := coalesce(t.hostel_id, 0); c int := coalesce(t.category_id, 0); s int := coalesce(t.assigned_to, 0);
        BEGIN
            IF t.resolved_at IS NOT NULL THEN
                PERFORM reporting.add_ticket(reporting.utc_day(t.resolved_at), h, c, s, 1::smallint,
                    reporting.bucket_of(t.resolved_at - t.created_at), n);
                IF t.due_at IS NULL OR t.resolved_at <= t.due_at THEN
                    PERFORM reporting.add_ticket(reporting.utc_day(t.resolved_at), h, c, s, 2::smallint, 0::smallint, n);
                END IF;
            END IF;
        END $$;

        -- a ticket's whole contribution (n = 1 adds it, -1 takes it away)
        CREATE OR REPLACE FUNCTION reporting.apply_ticket(t helpdesk.tickets, n int) RETURNS void
            LANGUAGE plpgsql AS $$
        DECLARE
            h int := coalesce(t.hostel_id, 0); c int := coalesce(t.category_id, 0); s int := coalesce(t.assigned_to, 0);
        BEGIN
            PERFORM reporting.add_ticket(reporting.utc_day(t.created_at), h, c, s, 0::smallint, 0::smallint, n);
            PERFORM reporting.apply_resolution(t, n);
            PERFORM reporting.add_first_response(t, reporting.first_response(t.id, t.created_by), n);
        END $$;

        CREATE OR REPLACE FUNCTION reporting.on_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- the common update (resolved, reopened, due time moved): the same keys, so only the resolution changes
            IF TG_OP = 'UPDATE' AND OLD.hostel_id IS NOT DISTINCT FROM NEW.hostel_id
               AND OLD.category_id IS NOT DISTINCT FROM NEW.category_id AND OLD.assigned_to IS NOT DISTINCT FROM NEW.assigned_to
               AND OLD.created_at = NEW.created_at AND OLD.created_by = NEW.created_by THEN
                PERFORM reporting.apply_resolution(OLD, -1);
                PERFORM reporting.apply_resolution(NEW, 1);
                RETURN NEW;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM reporting.apply_ticket(OLD, -1); END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM reporting.apply_ticket(NEW, 1); END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;

        -- a comment may change a ticket's first response: take the old one away, add the new one
        CREATE OR REPLACE FUNCTION reporting.on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            tid int; t helpdesk.tickets; others timestamptz; was timestamptz; now_ timestamptz;
            changed int := coalesce(NEW.id, OLD.id);
        BEGIN
            FOR tid IN SELECT DISTINCT x FROM unnest(ARRAY[OLD.ticket_id, NEW.ticket_id]) x WHERE x IS NOT NULL LOOP
                SELECT * INTO t FROM helpdesk.tickets WHERE id = tid;
                CONTINUE WHEN NOT FOUND;   -- the ticket is being deleted: its BEFORE DELETE took everything away
                SELECT min(c.created_at) INTO others FROM helpdesk.comments c
                WHERE c.ticket_id = tid AND c.id <> changed AND NOT c.is_internal AND c.author_id IS DISTINCT FROM t.created_by;
                was := least(others, CASE WHEN OLD.ticket_id = tid AND NOT OLD.is_internal
                    AND OLD.author_id IS DISTINCT FROM t.created_by THEN OLD.created_at END);
                now_ := least(others, CASE WHEN NEW.ticket_id = tid AND NOT NEW.is_internal
                    AND NEW.author_id IS DISTINCT FROM t.created_by THEN NEW.created_at END);
                IF was IS DISTINCT FROM now_ THEN
                    PERFORM reporting.add_first_response(t, was, -1);
                    PERFORM reporting.add_first_response(t, now_, 1);
                END IF;
            END LOOP;
            RETURN NULL;
        END $$;

        -- a decision adds one to its moderator's row and to the two narrower rollups the dashboard's charts read
        -- (every moderator together: per day, cause and outcome; per day and wait bucket; decision 0033)
        CREATE OR REPLACE FUNCTION reporting.on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            d date := reporting.utc_day(NEW.at); o smallint := reporting.outcome_of(NEW.action);
            c catalog.causes_enum; b smallint;
        BEGIN
            SELECT coalesce(reporting.cause_named(NEW.after ->> 'cause'), p.cause), reporting.bucket_of(NEW.at - p.created_at)
            INTO c, b FROM catalog.products p WHERE p.id = NEW.entity_id;
            IF NOT FOUND THEN RETURN NULL; END IF;
            INSERT INTO reporting.moderation_daily AS r (day, moderator_id, cause, outcome, wait_bucket, decisions)
            VALUES (d, coalesce(NEW.actor_id, 0), c, o, b, 1)
            ON CONFLICT (day, moderator_id, cause, outcome, wait_bucket) DO UPDATE SET decisions = r.decisions + 1;
            INSERT INTO reporting.moderation_daily_cause AS r (day, cause, outcome, decisions) VALUES (d, c, o, 1)
            ON CONFLICT (day, cause, outcome) DO UPDATE SET decisions = r.decisions + 1;
            INSERT INTO reporting.moderation_daily_wait AS r (day, wait_bucket, decisions) VALUES (d, b, 1)
            ON CONFLICT (day, wait_bucket) DO UPDATE SET decisions = r.decisions + 1;
            RETURN NULL;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.add_user(u auth.users, n int) RETURNS void LANGUAGE sql AS $$
            INSERT INTO reporting.user_daily AS r (day, status, platform, deleted, users)
            VALUES (reporting.utc_day(u.created_at), u.status, u.registration_platform, u.deleted_at IS NOT NULL, n)
            ON CONFLICT (day, status, platform, deleted) DO UPDATE SET users = r.users + excluded.users $$;

        CREATE OR REPLACE FUNCTION reporting.on_user() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM reporting.add_user(OLD, -1); END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM reporting.add_user(NEW, 1); END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER rollup_decision AFTER INSERT ON audit.audit_log FOR EACH ROW
            WHEN (NEW.entity_type = 'product' AND NEW.action IN ('product.approve', 'product.reject', 'product.request_changes'))
            EXECUTE FUNCTION reporting.on_decision();

        CREATE TRIGGER rollup_ticket_insert AFTER INSERT ON helpdesk.tickets FOR EACH ROW
            EXECUTE FUNCTION reporting.on_ticket();
        CREATE TRIGGER rollup_ticket_update AFTER UPDATE ON helpdesk.tickets FOR EACH ROW
            WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
               OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.hostel_id IS DISTINCT FROM NEW.hostel_id
               OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.assigned_to IS DISTINCT FROM NEW.assigned_to
               OR OLD.created_by IS DISTINCT FROM NEW.created_by)
            EXECUTE FUNCTION reporting.on_ticket();
        -- before: the comments (for the first response) are still there; their cascade comes after
        CREATE TRIGGER rollup_ticket_delete BEFORE DELETE ON helpdesk.tickets FOR EACH ROW
            EXECUTE FUNCTION reporting.on_ticket();

        CREATE TRIGGER rollup_comment AFTER INSERT OR UPDATE OR DELETE ON helpdesk.comments FOR EACH ROW
            EXECUTE FUNCTION reporting.on_comment();

        CREATE TRIGGER rollup_user_insert_delete AFTER INSERT OR DELETE ON auth.users FOR EACH ROW
            EXECUTE FUNCTION reporting.on_user();
        CREATE TRIGGER rollup_user_update AFTER UPDATE ON auth.users FOR EACH ROW
            WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.status IS DISTINCT FROM NEW.status
               OR OLD.registration_platform IS DISTINCT FROM NEW.registration_platform
               OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
            EXECUTE FUNCTION reporting.on_user();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS rollup_decision ON audit.audit_log;
        DROP TRIGGER IF EXISTS rollup_ticket_insert ON helpdesk.tickets;
        DROP TRIGGER IF EXISTS rollup_ticket_update ON helpdesk.tickets;
        DROP TRIGGER IF EXISTS rollup_ticket_delete ON helpdesk.tickets;
        DROP TRIGGER IF EXISTS rollup_comment ON helpdesk.comments;
        DROP TRIGGER IF EXISTS rollup_user_insert_delete ON auth.users;
        DROP TRIGGER IF EXISTS rollup_user_update ON auth.users;
        DROP FUNCTION IF EXISTS reporting.on_user(), reporting.add_user(auth.users, int), reporting.on_decision(),
            reporting.on_comment(), reporting.on_ticket(), reporting.apply_ticket(helpdesk.tickets, int),
            reporting.apply_resolution(helpdesk.tickets, int),
            reporting.add_first_response(helpdesk.tickets, timestamptz, int),
            reporting.add_ticket(date, int, int, int, smallint, smallint, int), reporting.first_response(int, int),
            reporting.cause_named(text), reporting.outcome_of(text), reporting.bucket_of(interval), reporting.utc_day(timestamptz);
        """;

    /// <summary>
    /// The dashboard's narrower moderation rollups (decision 0033) counted again from <c>moderation_daily</c>, right
    /// after <see cref="Rebuild"/> counted it, in the same transaction. Apart from <see cref="Rebuild"/> because the
    /// migration that made the first rollups runs that one before these tables exist.
    /// </summary>
    public const string RebuildModerationCharts = """
        TRUNCATE reporting.moderation_daily_cause, reporting.moderation_daily_wait;
        INSERT INTO reporting.moderation_daily_cause (day, cause, outcome, decisions)
        SELECT day, cause, outcome, sum(decisions) FROM reporting.moderation_daily GROUP BY 1, 2, 3;
        INSERT INTO reporting.moderation_daily_wait (day, wait_bucket, decisions)
        SELECT day, wait_bucket, sum(decisions) FROM reporting.moderation_daily GROUP BY 1, 2;
        ANALYZE reporting.moderation_daily_cause, reporting.moderation_daily_wait;
        """;

    /// <summary>The recount from scratch (the <c>rollups rebuild</c> verb): empties the rollups and counts again.</summary>
    public const string Rebuild = RebuildModeration + RebuildTickets + RebuildUsers;

    /// <summary>The moderation rollup from scratch (reads audit.audit_log and catalog.products).</summary>
    public const string RebuildModeration = """
        TRUNCATE reporting.moderation_daily;

        INSERT INTO reporting.moderation_daily (day, moderator_id, cause, outcome, wait_bucket, decisions)
        SELECT reporting.utc_day(a.at), coalesce(a.actor_id, 0), coalesce(reporting.cause_named(a.after ->> 'cause'), p.cause),
               reporting.outcome_of(a.action), reporting.bucket_of(a.at - p.created_at), count(*)
        FROM audit.audit_log a JOIN catalog.products p ON p.id = a.entity_id
        WHERE a.entity_type = 'product' AND a.action IN ('product.approve', 'product.reject', 'product.request_changes')
        GROUP BY 1, 2, 3, 4, 5;

        ANALYZE reporting.moderation_daily;

        """;

    /// <summary>The tickets' daily rollup from scratch (reads helpdesk.tickets and helpdesk.comments).</summary>
    public const string RebuildTickets = """
        TRUNCATE reporting.ticket_daily;

        INSERT INTO reporting.ticket_daily (day, hostel_id, category_id, staff_id, measure, bucket, tickets)
        SELECT day, hostel, category, staff, measure, bucket, count(*)
        FROM (
            SELECT t.*, coalesce(t.hostel_id, 0) AS hostel, coalesce(t.category_id, 0) AS category,
                   coalesce(t.assigned_to, 0) AS staff, fr.at AS first_at
            FROM helpdesk.tickets t
            LEFT JOIN (SELECT c.ticket_id, min(c.created_at) AS at FROM helpdesk.comments c
                       JOIN helpdesk.tickets x ON x.id = c.ticket_id
                       WHERE NOT c.is_internal AND c.author_id IS DISTINCT FROM x.created_by
                       GROUP BY c.ticket_id) fr ON fr.ticket_id = t.id
        ) t
        CROSS JOIN LATERAL (VALUES
            (reporting.utc_day(t.created_at), 0::smallint, 0::smallint, true),
            (reporting.utc_day(t.resolved_at), 1::smallint, reporting.bucket_of(t.resolved_at - t.created_at), t.resolved_at IS NOT NULL),
            (reporting.utc_day(t.resolved_at), 2::smallint, 0::smallint,
                t.resolved_at IS NOT NULL AND (t.due_at IS NULL OR t.resolved_at <= t.due_at)),
            (reporting.utc_day(t.first_at), 3::smallint, reporting.bucket_of(t.first_at - t.created_at), t.first_at IS NOT NULL)
        ) m(day, measure, bucket, counts)
        WHERE m.counts
        GROUP BY 1, 2, 3, 4, 5, 6;

        ANALYZE reporting.ticket_daily;

        """;

    /// <summary>The users' daily rollup from scratch (reads auth.users).</summary>
    public const string RebuildUsers = """
        TRUNCATE reporting.user_daily;

        INSERT INTO reporting.user_daily (day, status, platform, deleted, users)
        SELECT reporting.utc_day(u.created_at), u.status, u.registration_platform, u.deleted_at IS NOT NULL, count(*)
        FROM auth.users u GROUP BY 1, 2, 3, 4;

        ANALYZE reporting.user_daily;
        """;
}
