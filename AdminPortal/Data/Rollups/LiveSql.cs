namespace AdminPortal.Data.Rollups;

/// <summary>
/// The live counters of the dashboard's "now" tiles (decision 0023): open tickets by hostel, category, assignee,
/// status and escalation level; open tickets with a due time by the same scope keys, whether their SLA clock runs,
/// and the UTC day they fall due; products by publishing status and cause. Kept, like the daily rollups (decision
/// 0020), by triggers in the transaction that changes the row, so they always equal a direct count; a row that falls
/// to zero is deleted (the due days of the past would otherwise pile up). <see cref="Rebuild"/> counts from scratch.
/// </summary>
public static class LiveSql
{
    public const string Functions = """
        -- TicketStatuses.Active and .ClockRunning (the queue's open work and its running SLA clocks)
        CREATE OR REPLACE FUNCTION reporting.ticket_active(s helpdesk.ticket_status) RETURNS boolean
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT s IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED') $$;
        CREATE OR REPLACE FUNCTION reporting.ticket_running(s helpdesk.ticket_status, paused timestamptz) RETURNS boolean
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT s IN ('OPEN', 'IN_PROGRESS', 'FORWARDED', 'REOPENED') AND paused IS NULL $$;

        -- a ticket's contribution to the live counters (n = 1 adds it, -1 takes it away; rows at zero go)
        CREATE OR REPLACE FUNCTION reporting.add_live_ticket(t helpdesk.tickets, n int) RETURNS void
            LANGUAGE plpgsql AS $$
        DECLARE
            h int := coalesce(t.hostel_id, 0); c int := coalesce(t.category_id, 0); s int := coalesce(t.assigned_to, 0);
            r bool; d date; left_ int;
        BEGIN
            IF NOT reporting.ticket_active(t.status) THEN RETURN; END IF;
            INSERT INTO reporting.ticket_open AS o (hostel_id, category_id, staff_id, status, escalation_level, tickets)
            VALUES (h, c, s, t.status, t.escalation_level, n)
            ON CONFLICT (hostel_id, category_id, staff_id, status, escalation_level)
            DO UPDATE SET tickets = o.tickets + excluded.tickets RETURNING o.tickets INTO left_;
            IF left_ = 0 THEN
                DELETE FROM reporting.ticket_open WHERE hostel_id = h AND category_id = c AND staff_id = s
                    AND status = t.status AND escalation_level = t.escalation_level AND tickets = 0;
            END IF;
            IF t.due_at IS NULL THEN RETURN; END IF;
            r := reporting.ticket_running(t.status, t.paused_at);
            d := reporting.utc_day(t.due_at);
            INSERT INTO reporting.ticket_due AS o (hostel_id, category_id, staff_id, running, due_day, tickets)
            VALUES (h, c, s, r, d, n)
            ON CONFLICT (hostel_id, category_id, staff_id, running, due_day)
            DO UPDATE SET tickets = o.tickets + excluded.tickets RETURNING o.tickets INTO left_;
            IF left_ = 0 THEN
                DELETE FROM reporting.ticket_due WHERE hostel_id = h AND category_id = c AND staff_id = s
                    AND running = r AND due_day = d AND tickets = 0;
            END IF;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.on_live_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM reporting.add_live_ticket(OLD, -1); END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM reporting.add_live_ticket(NEW, 1); END IF;
            RETURN NULL;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.add_live_product(p_status catalog.publishing_status_enum,
            p_cause catalog.causes_enum, n int) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE left_ int;
        BEGIN
            INSERT INTO reporting.product_status AS o (status, cause, products) VALUES (p_status, p_cause, n)
            ON CONFLICT (status, cause) DO UPDATE SET products = o.products + excluded.products RETURNING o.products INTO left_;
            IF left_ = 0 THEN
                DELETE FROM reporting.product_status WHERE status = p_status AND cause = p_cause AND products = 0;
            END IF;
        END $$;

        CREATE OR REPLACE FUNCTION reporting.on_live_product() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM reporting.add_live_product(OLD.publishing_status, OLD.cause, -1); END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM reporting.add_live_product(NEW.publishing_status, NEW.cause, 1); END IF;
            RETURN NULL;
        END $$;
        """;

    public const string Triggers = """
        CREATE TRIGGER live_ticket_insert_delete AFTER INSERT OR DELETE ON helpdesk.tickets FOR EACH ROW
            EXECUTE FUNCTION reporting.on_live_ticket();
        CREATE TRIGGER live_ticket_update AFTER UPDATE ON helpdesk.tickets FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.hostel_id IS DISTINCT FROM NEW.hostel_id
               OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.assigned_to IS DISTINCT FROM NEW.assigned_to
               OR OLD.escalation_level IS DISTINCT FROM NEW.escalation_level OR OLD.due_at IS DISTINCT FROM NEW.due_at
               OR OLD.paused_at IS DISTINCT FROM NEW.paused_at)
            EXECUTE FUNCTION reporting.on_live_ticket();
        CREATE TRIGGER live_product_insert_delete AFTER INSERT OR DELETE ON catalog.products FOR EACH ROW
            EXECUTE FUNCTION reporting.on_live_product();
        CREATE TRIGGER live_product_update AFTER UPDATE ON catalog.products FOR EACH ROW
            WHEN (OLD.publishing_status IS DISTINCT FROM NEW.publishing_status OR OLD.cause IS DISTINCT FROM NEW.cause)
            EXECUTE FUNCTION reporting.on_live_product();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS live_ticket_insert_delete ON helpdesk.tickets;
        DROP TRIGGER IF EXISTS live_ticket_update ON helpdesk.tickets;
        DROP TRIGGER IF EXISTS live_product_insert_delete ON catalog.products;
        DROP TRIGGER IF EXISTS live_product_update ON catalog.products;
        DROP FUNCTION IF EXISTS reporting.on_live_product(), reporting.add_live_product(catalog.publishing_status_enum, catalog.causes_enum, int),
            reporting.on_live_ticket(), reporting.add_live_ticket(helpdesk.tickets, int),
            reporting.ticket_running(helpdesk.ticket_status, timestamptz), reporting.ticket_active(helpdesk.ticket_status);
        """;

    /// <summary>The live counters from scratch: one grouped INSERT … SELECT per table.</summary>
    public const string Rebuild = RebuildTickets + RebuildProducts;

    /// <summary>The tickets' live counters from scratch (reads only helpdesk.tickets).</summary>
    public const string RebuildTickets = """
        TRUNCATE reporting.ticket_open, reporting.ticket_due;

        INSERT INTO reporting.ticket_open (hostel_id, category_id, staff_id, status, escalation_level, tickets)
        SELECT coalesce(hostel_id, 0), coalesce(category_id, 0), coalesce(assigned_to, 0), status, escalation_level, count(*)
        FROM helpdesk.tickets WHERE status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')
        GROUP BY 1, 2, 3, 4, 5;

        INSERT INTO reporting.ticket_due (hostel_id, category_id, staff_id, running, due_day, tickets)
        SELECT coalesce(hostel_id, 0), coalesce(category_id, 0), coalesce(assigned_to, 0),
               reporting.ticket_running(status, paused_at), reporting.utc_day(due_at), count(*)
        FROM helpdesk.tickets
        WHERE status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED') AND due_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5;

        ANALYZE reporting.ticket_open, reporting.ticket_due;

        """;

    /// <summary>The products' live counter from scratch (reads only catalog.products).</summary>
    public const string RebuildProducts = """
        TRUNCATE reporting.product_status;

        INSERT INTO reporting.product_status (status, cause, products)
        SELECT publishing_status, cause, count(*) FROM catalog.products GROUP BY 1, 2;

        ANALYZE reporting.product_status;
        """;
}
