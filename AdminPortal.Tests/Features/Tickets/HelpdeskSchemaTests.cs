using AdminPortal.Tests.Infrastructure;
using static AdminPortal.Tests.Data.CatalogQueries;

using AdminPortal.Tests.Data;

namespace AdminPortal.Tests.Features.Tickets;

/// <summary>The helpdesk schema as PostgreSQL sees it (information_schema, pg_enum, pg_indexes, pg_constraint).</summary>
public sealed class HelpdeskSchemaTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private string Db => Fixture.ConnectionString;

    [Theory]
    [InlineData("tickets", "id,title,description,status,category_id,subcategory_id,created_by,assigned_to,hostel_id,location,metadata,attachments,escalation_level,last_escalation_at,due_at,paused_at,created_at,updated_at,resolved_at")]
    [InlineData("students", "id,user_id,roll_no,room_no,hostel_id,batch_id,class_section_id,batch_year,department,active,created_at,updated_at")]
    [InlineData("categories", "id,name,sla_hours,active")]
    [InlineData("subcategories", "id,category_id,name,sla_hours")]
    [InlineData("category_escalation_rungs", "category_id,level,staff_id")]
    [InlineData("staff", "id,user_id,full_name,hostel_id,active,max_open_load")]
    [InlineData("hostels", "id,name")]
    [InlineData("batches", "id,batch_year,name")]
    [InlineData("class_sections", "id,name,batch_id")]
    [InlineData("category_assignments", "id,category_id,staff_id,is_primary,priority")]
    [InlineData("comments", "id,ticket_id,author_id,body,is_internal,created_at")]
    [InlineData("activity_logs", "id,ticket_id,actor_id,action,details,created_at")]
    [InlineData("outbox", "id,event_type,payload,created_at,processed_at,attempts")]
    [InlineData("saved_views", "id,owner_id,name,query,is_shared,created_at")]
    [InlineData("portal_notifications", "id,user_id,kind,title,link,created_at,read_at")]
    public async Task Helpdesk_tables_have_their_columns(string table, string columns)
    {
        var actual = await ListAsync<string>(Db,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'helpdesk' AND table_name = $1", table);
        Assert.Empty(columns.Split(',').Except(actual));
    }

    [Fact]
    public async Task Ticket_columns_have_the_seeds_types_defaults_and_nullability()
    {
        var rows = await ListAsync<string>(Db, """
            SELECT column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
                   || ' ' || coalesce(character_maximum_length::text, '-')
            FROM information_schema.columns WHERE table_schema = 'helpdesk' AND table_name = 'tickets'
            """);
        Assert.Contains("status ticket_status NO 'OPEN'::helpdesk.ticket_status -", rows);
        Assert.Contains("escalation_level int4 NO 0 -", rows);
        Assert.Contains("title varchar YES - 255", rows);
        Assert.Contains("metadata jsonb YES - -", rows);
        Assert.Contains("attachments jsonb YES - -", rows);
        Assert.Contains("created_by int4 NO - -", rows);
        Assert.Contains("created_at timestamptz NO now() -", rows);
    }

    [Fact]
    public async Task Ticket_status_enum_has_every_label_including_forwarded()
    {
        var labels = await ListAsync<string>(Db, """
            SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
            JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'helpdesk' AND t.typname = 'ticket_status'
            """);
        Assert.Equal(
            new[] { "AWAITING_STUDENT_RESPONSE", "CLOSED", "FORWARDED", "IN_PROGRESS", "OPEN", "REOPENED", "RESOLVED" },
            labels.Order());
    }

    [Theory]
    [InlineData("idx_tickets_status", "(status)")]
    [InlineData("idx_tickets_category_id", "(category_id)")]
    [InlineData("idx_tickets_assigned_to", "(assigned_to)")]
    [InlineData("idx_tickets_created_by", "(created_by)")]
    [InlineData("idx_tickets_metadata", "USING gin (metadata)")]
    [InlineData("idx_tickets_status_created", "(status, created_at)")]
    [InlineData("idx_tickets_open", "(created_at) WHERE (status <> 'RESOLVED'::helpdesk.ticket_status)")]
    [InlineData("idx_tickets_forwarded", "(status) WHERE (status = 'FORWARDED'::helpdesk.ticket_status)")]
    [InlineData("idx_tickets_hostel_status_due", "(hostel_id, status, due_at, id)")]
    [InlineData("idx_tickets_category_status_due", "(category_id, status, due_at, id)")]
    [InlineData("idx_tickets_assignee_status_due", "(assigned_to, status, due_at, id)")]
    [InlineData("idx_tickets_undated", "(id) WHERE (due_at IS NULL)")]
    [InlineData("idx_tickets_status_due", "(status, due_at, id)")]
    [InlineData("idx_tickets_title_trgm", "USING gin (title gin_trgm_ops)")]
    public async Task Ticket_indexes_are_the_seeds_and_the_queues(string name, string definitionEnd)
    {
        var definition = await ScalarAsync<string>(Db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'helpdesk' AND tablename = 'tickets' AND indexname = $1", name);
        Assert.NotNull(definition);
        Assert.EndsWith(definitionEnd, definition);
    }

    [Theory]
    [InlineData("created_by", "users", "c")]
    [InlineData("assigned_to", "staff", "n")]
    [InlineData("category_id", "categories", "r")]
    [InlineData("hostel_id", "hostels", "r")]
    public async Task Ticket_foreign_keys_have_the_seeds_delete_rules(string column, string target, string rule)
    {
        var actual = await ScalarAsync<string>(Db, """
            SELECT c.confdeltype::text FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.conrelid = 'helpdesk.tickets'::regclass AND a.attname = $1
              AND c.confrelid = (SELECT oid FROM pg_class WHERE relname = $2 AND relnamespace IN
                                 (SELECT oid FROM pg_namespace WHERE nspname IN ('auth', 'helpdesk')))
            """, column, target);
        Assert.Equal(rule, actual);
    }

    [Fact]
    public async Task Escalation_level_cannot_go_negative()
    {
        var check = await ScalarAsync<string>(Db,
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'helpdesk.tickets'::regclass AND contype = 'c'");
        Assert.Equal("CHECK ((escalation_level >= 0))", check);
    }

    [Fact]
    public async Task Category_assignments_are_unique_per_category_and_staff()
    {
        var definition = await ScalarAsync<string>(Db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'helpdesk' AND indexname = 'category_assignments_category_staff_unique'");
        Assert.Equal(
            "CREATE UNIQUE INDEX category_assignments_category_staff_unique ON helpdesk.category_assignments USING btree (category_id, staff_id)",
            definition);
    }

    [Fact]
    public async Task User_roles_are_unique_per_user_role_domain_and_scope_with_nulls_equal()
    {
        var definition = await ScalarAsync<string>(Db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'auth' AND indexname = 'unique_user_role_scope'");
        Assert.Equal(
            "CREATE UNIQUE INDEX unique_user_role_scope ON auth.user_roles USING btree (user_id, role_id, domain, scope) NULLS NOT DISTINCT",
            definition);
    }

    [Fact]
    public async Task Users_carry_the_sst_clerk_id_unique_and_nullable()
    {
        var column = await ScalarAsync<string>(Db, """
            SELECT is_nullable || ' ' || character_maximum_length FROM information_schema.columns
            WHERE table_schema = 'auth' AND table_name = 'users' AND column_name = 'clerk_id'
            """);
        Assert.Equal("YES 255", column);
        Assert.NotNull(await ScalarAsync<string>(Db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'auth' AND indexname = 'users_clerk_id_unique' AND indexdef LIKE 'CREATE UNIQUE%'"));
    }

    [Fact]
    public async Task Outbox_pending_rows_have_a_partial_index()
    {
        var definition = await ScalarAsync<string>(Db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'helpdesk' AND indexname = 'idx_outbox_unprocessed'");
        Assert.EndsWith("WHERE (processed_at IS NULL)", definition);
    }
}
