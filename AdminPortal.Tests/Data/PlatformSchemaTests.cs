using AdminPortal.Tests.Infrastructure;

namespace AdminPortal.Tests.Data;

/// <summary>The Deed-O and chat-app model as PostgreSQL sees it (the catalog, not the EF model).</summary>
public sealed class PlatformSchemaTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData("auth", "users_roles_enum", "moderator,admin,user")]
    [InlineData("auth", "users_statuses_enum", "inactive,verified,not-verified")]
    [InlineData("auth", "platform_types_enum", "dobe,cause-i,deed-o")]
    [InlineData("auth", "user_verification_actions_enum", "login,register")]
    [InlineData("catalog", "causes_enum", "Grief care,Sustainable fashion,Sustainable tourism,Intangible culture and heritage,Sustainable food and agriculture")]
    [InlineData("catalog", "publishing_status_enum", "published,draft,suggestion,rejected")]
    [InlineData("chat", "conversation_types_enum", "private,group")]
    public async Task Enums_have_the_seed_labels_in_the_seed_order(string schema, string name, string labels)
    {
        var actual = await Sql.ColumnAsync(Fixture, $"""
            SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = '{schema}' AND t.typname = '{name}' ORDER BY e.enumsortorder
            """);
        Assert.Equal(labels, string.Join(',', actual));
    }

    [Theory]
    [InlineData("auth", "users", "contact_number:bigint,pincode:integer,dob:date,status:USER-DEFINED,registration_platform:USER-DEFINED,role:USER-DEFINED,is_online:boolean,username:character varying,is_active:boolean,is_verified:boolean")]
    [InlineData("auth", "tokens", "id:integer,user_id:integer,expire_at:timestamp with time zone,platform_type:USER-DEFINED")]
    [InlineData("auth", "user_verifications", "id:uuid,otp_code:character varying,action:USER-DEFINED,verified:boolean")]
    [InlineData("auth", "profiles", "user_id:integer,display_name:character varying,avatar_url:character varying")]
    [InlineData("auth", "relationships", "user_id:integer,related_user_id:integer,type:character varying,status:character varying")]
    [InlineData("auth", "settings", "key:character varying,value:jsonb")]
    [InlineData("auth", "refresh_tokens", "token:character varying,expires_at:timestamp with time zone,revoked:boolean,revoked_at:timestamp with time zone")]
    [InlineData("catalog", "products", "id:character varying,cause:USER-DEFINED,mrp:double precision,selling_price:double precision,vendor_id:integer,images:json,publishing_status:USER-DEFINED,remark:text")]
    [InlineData("chat", "groups", "id:uuid,name:text,type:USER-DEFINED,product_id:character varying,members:ARRAY,last_message_id:uuid")]
    [InlineData("chat", "messages", "sender_id:integer,group_id:uuid,text:text,attachments:jsonb,read_by:ARRAY,timestamp:timestamp with time zone,hidden_at:timestamp with time zone,hidden_by:integer,hidden_reason:text")]
    [InlineData("chat", "message_receipts", "message_id:uuid,user_id:integer,delivered_at:timestamp with time zone,read_at:timestamp with time zone")]
    [InlineData("chat", "notifications", "user_id:integer,type:character varying,content:jsonb,is_read:boolean")]
    [InlineData("auth", "notification_settings", "user_id:integer,email_enabled:boolean,slack_enabled:boolean,in_app_enabled:boolean,push_enabled:boolean,preferences:jsonb,updated_at:timestamp with time zone")]
    public async Task Tables_have_their_key_columns(string schema, string table, string columns)
    {
        var actual = await Sql.ColumnAsync(Fixture, $"""
            SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = '{table}'
            """);
        foreach (var column in columns.Split(','))
            Assert.Contains(column, actual);
    }

    [Theory]
    [InlineData("users", "status", "'not-verified'::auth.users_statuses_enum", "NO")]
    [InlineData("users", "registration_platform", "'deed-o'::auth.platform_types_enum", "NO")]
    [InlineData("users", "role", "'user'::auth.users_roles_enum", "NO")]
    [InlineData("users", "is_active", "true", "NO")]
    public async Task User_defaults_and_not_nulls_follow_the_seeds(string table, string column, string @default, string nullable)
    {
        var actual = await Sql.ColumnAsync(Fixture, $"""
            SELECT column_default || '|' || is_nullable FROM information_schema.columns
            WHERE table_schema = 'auth' AND table_name = '{table}' AND column_name = '{column}'
            """);
        Assert.Equal($"{@default}|{nullable}", Assert.Single(actual));
    }

    [Theory]
    [InlineData("catalog.products", "publishing_status", "'draft'::catalog.publishing_status_enum")]
    [InlineData("chat.messages", "attachments", "'[]'::jsonb")]
    [InlineData("chat.groups", "members", "'{}'::integer[]")]
    public async Task Other_defaults_follow_the_seeds(string table, string column, string @default)
    {
        var actual = await Sql.ColumnAsync(Fixture, $"""
            SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = '{table}'::regclass AND a.attname = '{column}'
            """);
        Assert.Equal(@default, Assert.Single(actual));
    }

    [Theory]
    [InlineData("relationships_user_id_related_user_id_unique", "(user_id, related_user_id)")]
    [InlineData("settings_user_id_key_unique", "(user_id, key)")]
    [InlineData("users_email_unique", "(email)")]
    [InlineData("users_username_unique", "(username)")]
    public async Task Unique_indexes_exist(string name, string columns)
    {
        var def = Assert.Single(await Sql.ColumnAsync(Fixture, $"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'"));
        Assert.Contains("UNIQUE", def);
        Assert.EndsWith(columns, def);
    }

    [Theory]
    [InlineData("idx_groups_members", "USING gin (members)")]
    [InlineData("idx_products_title_trgm", "USING gin (title gin_trgm_ops)")]
    [InlineData("idx_products_queue", "(publishing_status, created_at, id)")]
    [InlineData("idx_messages_group_keyset", "(group_id, \"timestamp\" DESC, id DESC)")]
    [InlineData("idx_products_vendor_id", "(vendor_id, publishing_status, created_at, id)")]
    [InlineData("idx_products_cause", "(cause)")]
    [InlineData("idx_products_created_at", "(created_at)")]
    [InlineData("idx_groups_product_id", "(product_id)")]
    [InlineData("idx_messages_sender_id", "(sender_id)")]
    [InlineData("user_verifications_id_user_id_otp_code_index", "(id, user_id, otp_code)")]
    public async Task Indexes_exist(string name, string tail)
    {
        var def = Assert.Single(await Sql.ColumnAsync(Fixture, $"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'"));
        Assert.EndsWith(tail, def);
    }

    [Theory]
    [InlineData("chat.messages", "sender_id", "c")]
    [InlineData("chat.messages", "group_id", "a")]
    [InlineData("chat.messages", "hidden_by", "n")]
    [InlineData("chat.groups", "last_message_id", "n")]
    [InlineData("chat.message_receipts", "message_id", "c")]
    [InlineData("auth.tokens", "user_id", "c")]
    [InlineData("auth.user_verifications", "user_id", "c")]
    [InlineData("auth.profiles", "user_id", "c")]
    [InlineData("auth.relationships", "related_user_id", "c")]
    [InlineData("auth.settings", "user_id", "c")]
    [InlineData("auth.refresh_tokens", "user_id", "c")]
    [InlineData("catalog.products", "vendor_id", "a")]
    public async Task Foreign_keys_have_the_seed_delete_rules(string table, string column, string rule)
    {
        var actual = await Sql.ColumnAsync(Fixture, $"""
            SELECT c.confdeltype::text FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.conrelid = '{table}'::regclass AND a.attname = '{column}'
            """);
        Assert.Equal(rule, Assert.Single(actual));
    }
}
