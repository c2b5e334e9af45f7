using System;
using System.Text.Json;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Features.Vendors;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AdminPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "helpdesk");

            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.EnsureSchema(
                name: "creators");

            migrationBuilder.EnsureSchema(
                name: "auth");

            migrationBuilder.EnsureSchema(
                name: "chat");

            migrationBuilder.EnsureSchema(
                name: "vendors");

            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:Enum:auth.platform_types_enum", "dobe,cause-i,deed-o")
                .Annotation("Npgsql:Enum:auth.user_verification_actions_enum", "login,register")
                .Annotation("Npgsql:Enum:auth.users_roles_enum", "moderator,admin,user")
                .Annotation("Npgsql:Enum:auth.users_statuses_enum", "inactive,verified,not-verified")
                .Annotation("Npgsql:Enum:catalog.causes_enum", "Grief care,Sustainable fashion,Sustainable tourism,Intangible culture and heritage,Sustainable food and agriculture")
                .Annotation("Npgsql:Enum:catalog.publishing_status_enum", "published,draft,suggestion,rejected")
                .Annotation("Npgsql:Enum:chat.conversation_types_enum", "private,group")
                .Annotation("Npgsql:Enum:creators.company_type", "llp,one_person_company,partnership,private_limited,public_limited,sole_proprietorship")
                .Annotation("Npgsql:Enum:creators.document_status", "not_submitted,pending,rejected,verified")
                .Annotation("Npgsql:Enum:creators.gender", "female,male,other,prefer_not_to_say")
                .Annotation("Npgsql:Enum:helpdesk.ticket_status", "AWAITING_STUDENT_RESPONSE,CLOSED,FORWARDED,IN_PROGRESS,OPEN,REOPENED,RESOLVED")
                .Annotation("Npgsql:Enum:vendors.integration_service", "algolia,clerk,cloudinary")
                .Annotation("Npgsql:Enum:vendors.subscription_provider", "revenuecat,stripe")
                .Annotation("Npgsql:Enum:vendors.subscription_status", "active,cancelled,expired")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    actor_id = table.Column<int>(type: "integer", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    before = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    after = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                },
                comment: "Append-only: trigger audit_log_append_only refuses UPDATE and DELETE");

            migrationBuilder.CreateTable(
                name: "batches",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    sla_hours = table.Column<int>(type: "integer", nullable: false, defaultValue: 48),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.CheckConstraint("ck_categories_sla_hours", "sla_hours > 0");
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hostels",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hostels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "integrations",
                schema: "vendors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    service = table.Column<IntegrationService>(type: "vendors.integration_service", nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    internal_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations", x => x.id);
                },
                comment: "Venta integrations with external services");

            migrationBuilder.CreateTable(
                name: "niches",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    icon = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_niches", x => x.id);
                },
                comment: "Cloutsy niches: content categories");

            migrationBuilder.CreateTable(
                name: "otps",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    otp = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    is_used = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_otps", x => x.id);
                    table.CheckConstraint("ck_otps_expiry_after_creation", "expires_at > created_at");
                },
                comment: "Cloutsy otps: phone verification codes");

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    clerk_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, comment: "SST-Resolve users.clerk_id and Venta users.clerkId; NULL for non-Clerk users"),
                    contact_number = table.Column<long>(type: "bigint", nullable: true),
                    contact_number_country_code = table.Column<string>(type: "varchar", nullable: true),
                    city = table.Column<string>(type: "varchar", nullable: true),
                    state = table.Column<string>(type: "varchar", nullable: true),
                    country = table.Column<string>(type: "varchar", nullable: true),
                    pincode = table.Column<int>(type: "integer", nullable: true),
                    gender = table.Column<string>(type: "varchar", nullable: true),
                    dob = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<PlatformUserStatus>(type: "auth.users_statuses_enum", nullable: false, defaultValue: PlatformUserStatus.NotVerified),
                    registration_platform = table.Column<PlatformType>(type: "auth.platform_types_enum", nullable: false, defaultValue: PlatformType.DeedO),
                    purpose_code = table.Column<string>(type: "varchar", nullable: true),
                    nationality = table.Column<string>(type: "varchar", nullable: true),
                    ethnicity = table.Column<string>(type: "varchar", nullable: true),
                    qualification = table.Column<string>(type: "varchar", nullable: true),
                    profession = table.Column<string>(type: "varchar", nullable: true),
                    role = table.Column<PlatformUserRole>(type: "auth.users_roles_enum", nullable: false, defaultValue: PlatformUserRole.User),
                    is_online = table.Column<bool>(type: "boolean", nullable: true, defaultValue: false),
                    username = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    last_login_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    is_verified = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, comment: "Venta users.firstName"),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, comment: "Venta users.lastName"),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true, comment: "SST-Resolve users.phone; Identity PhoneNumber"),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "class_sections",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_class_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_class_sections_batches_batch_id",
                        column: x => x.batch_id,
                        principalSchema: "helpdesk",
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subcategories",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    sla_hours = table.Column<int>(type: "integer", nullable: true, comment: "Portal: TAT override in hours; NULL inherits categories.sla_hours"),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subcategories", x => x.id);
                    table.CheckConstraint("ck_subcategories_sla_hours", "sla_hours IS NULL OR sla_hours > 0");
                    table.ForeignKey(
                        name: "fk_subcategories_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "helpdesk",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brands",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    is_phone_verified = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    brand_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    legal_entity_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    company_type = table.Column<CompanyType>(type: "creators.company_type", nullable: true),
                    brand_email_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    poc_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    poc_designation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    poc_email_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    poc_contact_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    brand_bio = table.Column<string>(type: "text", nullable: true),
                    profile_image = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    incorporation_document = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    incorporation_document_status = table.Column<DocumentStatus>(type: "creators.document_status", nullable: false, defaultValue: DocumentStatus.NotSubmitted),
                    gst_document = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    gst_document_status = table.Column<DocumentStatus>(type: "creators.document_status", nullable: false, defaultValue: DocumentStatus.NotSubmitted),
                    pan_document = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    pan_document_status = table.Column<DocumentStatus>(type: "creators.document_status", nullable: false, defaultValue: DocumentStatus.NotSubmitted),
                    verification_note = table.Column<string>(type: "text", nullable: true),
                    reviewed_by_id = table.Column<int>(type: "integer", nullable: true),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_profile_completed = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brands", x => x.id);
                    table.CheckConstraint("ck_brands_gst_document_status", "(gst_document IS NULL) = (gst_document_status = 'not_submitted')");
                    table.CheckConstraint("ck_brands_incorporation_document_status", "(incorporation_document IS NULL) = (incorporation_document_status = 'not_submitted')");
                    table.CheckConstraint("ck_brands_pan_document_status", "(pan_document IS NULL) = (pan_document_status = 'not_submitted')");
                    table.ForeignKey(
                        name: "fk_brands_asp_net_users_reviewed_by_id",
                        column: x => x.reviewed_by_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_brands_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                },
                comment: "Cloutsy brands with their verification documents (incorporation, GST, PAN)");

            migrationBuilder.CreateTable(
                name: "influencers",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    gender = table.Column<Gender>(type: "creators.gender", nullable: true),
                    bio = table.Column<string>(type: "text", nullable: true),
                    profile_image = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    is_phone_verified = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencers", x => x.id);
                    table.ForeignKey(
                        name: "fk_influencers_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                },
                comment: "Cloutsy influencers");

            migrationBuilder.CreateTable(
                name: "notification_settings",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    email_enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    slack_enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    in_app_enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    push_enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    preferences = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_settings_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "chat",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    content = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    related_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    related_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_read = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portal_notifications",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    link = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_portal_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar", nullable: false),
                    cause = table.Column<Cause>(type: "catalog.causes_enum", nullable: false),
                    mrp = table.Column<double>(type: "double precision", nullable: false),
                    selling_price = table.Column<double>(type: "double precision", nullable: false),
                    vendor_id = table.Column<int>(type: "integer", nullable: false),
                    images = table.Column<string>(type: "json", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    product_url = table.Column<string>(type: "text", nullable: false),
                    publishing_status = table.Column<PublishingStatus>(type: "catalog.publishing_status_enum", nullable: false, defaultValue: PublishingStatus.Draft),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    remark = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                    table.CheckConstraint("ck_products_id_prefix", "id LIKE 'IM\\_%'");
                    table.ForeignKey(
                        name: "fk_products_asp_net_users_vendor_id",
                        column: x => x.vendor_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    bio = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    avatar_url = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_profiles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    token = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    revoked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refresh_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_refresh_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "relationships",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    related_user_id = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_relationships_asp_net_users_related_user_id",
                        column: x => x.related_user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_relationships_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_views",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    is_shared = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_views", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_views_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_settings_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    hostel_id = table.Column<int>(type: "integer", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    max_open_load = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.id);
                    table.CheckConstraint("ck_staff_max_open_load", "max_open_load IS NULL OR max_open_load > 0");
                    table.ForeignKey(
                        name: "fk_staff_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_hostel_hostel_id",
                        column: x => x.hostel_id,
                        principalSchema: "helpdesk",
                        principalTable: "hostels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                schema: "vendors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<SubscriptionProvider>(type: "vendors.subscription_provider", nullable: false),
                    product_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<SubscriptionStatus>(type: "vendors.subscription_status", nullable: false),
                    start_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    end_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                    table.CheckConstraint("ck_subscriptions_dates", "end_date IS NULL OR end_date >= start_date");
                    table.ForeignKey(
                        name: "fk_subscriptions_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Venta subscriptions (RevenueCat, Stripe)");

            migrationBuilder.CreateTable(
                name: "tokens",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    expire_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    platform_type = table.Column<PlatformType>(type: "auth.platform_types_enum", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                schema: "auth",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    scope = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_roles_portal_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "auth",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                schema: "auth",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_verifications",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    otp_code = table.Column<string>(type: "varchar", nullable: false),
                    verification_source = table.Column<string>(type: "varchar", nullable: false),
                    action_platform = table.Column<PlatformType>(type: "auth.platform_types_enum", nullable: false),
                    action = table.Column<VerificationAction>(type: "auth.user_verification_actions_enum", nullable: false),
                    verified = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    expire_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_verifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_verifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vendors",
                schema: "vendors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    website = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    primary_image = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    lat = table.Column<double>(type: "double precision", nullable: true),
                    @long = table.Column<double>(name: "long", type: "double precision", nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendors", x => x.id);
                    table.CheckConstraint("ck_vendors_lat_range", "lat IS NULL OR lat BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_vendors_long_range", "long IS NULL OR long BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_vendors_position_pair", "(lat IS NULL) = (long IS NULL)");
                    table.ForeignKey(
                        name: "fk_vendors_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Venta vendors");

            migrationBuilder.CreateTable(
                name: "students",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    roll_no = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    room_no = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    hostel_id = table.Column<int>(type: "integer", nullable: true),
                    batch_id = table.Column<int>(type: "integer", nullable: true),
                    class_section_id = table.Column<int>(type: "integer", nullable: true),
                    batch_year = table.Column<int>(type: "integer", nullable: true),
                    department = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_students", x => x.id);
                    table.ForeignKey(
                        name: "fk_students_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_students_batches_batch_id",
                        column: x => x.batch_id,
                        principalSchema: "helpdesk",
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_students_class_sections_class_section_id",
                        column: x => x.class_section_id,
                        principalSchema: "helpdesk",
                        principalTable: "class_sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_students_hostels_hostel_id",
                        column: x => x.hostel_id,
                        principalSchema: "helpdesk",
                        principalTable: "hostels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "brand_niches",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    brand_id = table.Column<int>(type: "integer", nullable: false),
                    niche_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_niches", x => x.id);
                    table.ForeignKey(
                        name: "fk_brand_niches_brands_brand_id",
                        column: x => x.brand_id,
                        principalSchema: "creators",
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_brand_niches_niche_niche_id",
                        column: x => x.niche_id,
                        principalSchema: "creators",
                        principalTable: "niches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Cloutsy brand_niches");

            migrationBuilder.CreateTable(
                name: "influencer_niches",
                schema: "creators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    influencer_id = table.Column<int>(type: "integer", nullable: false),
                    niche_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_influencer_niches", x => x.id);
                    table.ForeignKey(
                        name: "fk_influencer_niches_influencers_influencer_id",
                        column: x => x.influencer_id,
                        principalSchema: "creators",
                        principalTable: "influencers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_influencer_niches_niche_niche_id",
                        column: x => x.niche_id,
                        principalSchema: "creators",
                        principalTable: "niches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Cloutsy influencer_niches");

            migrationBuilder.CreateTable(
                name: "category_assignments",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    priority = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_category_assignments_category_category_id",
                        column: x => x.category_id,
                        principalSchema: "helpdesk",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_assignments_staff_staff_id",
                        column: x => x.staff_id,
                        principalSchema: "helpdesk",
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "category_escalation_rungs",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_escalation_rungs", x => x.id);
                    table.CheckConstraint("ck_category_escalation_rungs_level", "level >= 1");
                    table.ForeignKey(
                        name: "fk_category_escalation_rungs_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "helpdesk",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_escalation_rungs_staff_staff_id",
                        column: x => x.staff_id,
                        principalSchema: "helpdesk",
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<TicketStatus>(type: "helpdesk.ticket_status", nullable: false, defaultValue: TicketStatus.Open),
                    category_id = table.Column<int>(type: "integer", nullable: true),
                    subcategory_id = table.Column<int>(type: "integer", nullable: true),
                    created_by = table.Column<int>(type: "integer", nullable: false),
                    assigned_to = table.Column<int>(type: "integer", nullable: true),
                    hostel_id = table.Column<int>(type: "integer", nullable: true, comment: "Portal: FK for hostel scoping; SST keeps the hostel only in metadata->>'hostel'"),
                    location = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    metadata = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    attachments = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    escalation_level = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_escalation_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    paused_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true, comment: "Portal: SLA clock paused since (AWAITING_STUDENT_RESPONSE)"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.CheckConstraint("ck_tickets_escalation_level", "escalation_level >= 0");
                    table.ForeignKey(
                        name: "fk_tickets_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tickets_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "helpdesk",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_hostels_hostel_id",
                        column: x => x.hostel_id,
                        principalSchema: "helpdesk",
                        principalTable: "hostels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_staff_assigned_to",
                        column: x => x.assigned_to,
                        principalSchema: "helpdesk",
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_tickets_subcategories_subcategory_id",
                        column: x => x.subcategory_id,
                        principalSchema: "helpdesk",
                        principalTable: "subcategories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                schema: "vendors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    vendor_id = table.Column<int>(type: "integer", nullable: false),
                    lat = table.Column<double>(type: "double precision", nullable: false),
                    @long = table.Column<double>(name: "long", type: "double precision", nullable: false),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_locations", x => x.id);
                    table.CheckConstraint("ck_locations_lat_range", "lat BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_locations_long_range", "long BETWEEN -180 AND 180");
                    table.ForeignKey(
                        name: "fk_locations_vendor_vendor_id",
                        column: x => x.vendor_id,
                        principalSchema: "vendors",
                        principalTable: "vendors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Venta locations: a vendor's position trail");

            migrationBuilder.CreateTable(
                name: "activity_logs",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    actor_id = table.Column<int>(type: "integer", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    details = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_logs_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_activity_logs_ticket_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "helpdesk",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                schema: "helpdesk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<int>(type: "integer", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    is_internal = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false, comment: "Portal: true = internal note for staff, false = reply the student sees"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_comments_ticket_ticket_id",
                        column: x => x.ticket_id,
                        principalSchema: "helpdesk",
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                schema: "chat",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<ConversationType>(type: "chat.conversation_types_enum", nullable: false, defaultValue: ConversationType.Group),
                    product_id = table.Column<string>(type: "varchar", nullable: true),
                    members = table.Column<int[]>(type: "integer[]", nullable: false, defaultValueSql: "'{}'::integer[]"),
                    last_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_message_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_groups_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_groups_product_product_id",
                        column: x => x.product_id,
                        principalSchema: "catalog",
                        principalTable: "products",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "messages",
                schema: "chat",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    sender_id = table.Column<int>(type: "integer", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    attachments = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    read_by = table.Column<int[]>(type: "integer[]", nullable: false, defaultValueSql: "'{}'::integer[]"),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    hidden_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    hidden_by = table.Column<int>(type: "integer", nullable: true),
                    hidden_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.CheckConstraint("ck_messages_hidden", "(hidden_at IS NULL) = (hidden_reason IS NULL)");
                    table.ForeignKey(
                        name: "fk_messages_asp_net_users_hidden_by",
                        column: x => x.hidden_by,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_messages_asp_net_users_sender_id",
                        column: x => x.sender_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_messages_groups_group_id",
                        column: x => x.group_id,
                        principalSchema: "chat",
                        principalTable: "groups",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "message_receipts",
                schema: "chat",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_receipts", x => new { x.message_id, x.user_id });
                    table.CheckConstraint("ck_message_receipts_read_after_delivery", "read_at IS NULL OR (delivered_at IS NOT NULL AND read_at >= delivered_at)");
                    table.ForeignKey(
                        name: "fk_message_receipts_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_message_receipts_messages_message_id",
                        column: x => x.message_id,
                        principalSchema: "chat",
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_logs_actor_id",
                schema: "helpdesk",
                table: "activity_logs",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_logs_ticket_id_created_at",
                schema: "helpdesk",
                table: "activity_logs",
                columns: new[] { "ticket_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "idx_audit_log_actor",
                schema: "audit",
                table: "audit_log",
                columns: new[] { "actor_id", "at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "idx_audit_log_at",
                schema: "audit",
                table: "audit_log",
                column: "at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "idx_audit_log_entity",
                schema: "audit",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id", "at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_batches_batch_year",
                schema: "helpdesk",
                table: "batches",
                column: "batch_year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "brand_niches_brand_id_niche_id_key",
                schema: "creators",
                table: "brand_niches",
                columns: new[] { "brand_id", "niche_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_brand_niches_niche_id",
                schema: "creators",
                table: "brand_niches",
                column: "niche_id");

            migrationBuilder.CreateIndex(
                name: "brands_email_key",
                schema: "creators",
                table: "brands",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "brands_phone_key",
                schema: "creators",
                table: "brands",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "brands_user_id_key",
                schema: "creators",
                table: "brands",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "brands_username_key",
                schema: "creators",
                table: "brands",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_brands_brand_name_trgm",
                schema: "creators",
                table: "brands",
                column: "brand_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_brands_reviewed_by_id",
                schema: "creators",
                table: "brands",
                column: "reviewed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_brands_verification_queue",
                schema: "creators",
                table: "brands",
                column: "created_at",
                filter: "incorporation_document_status = 'pending' OR gst_document_status = 'pending' OR pan_document_status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_categories_name",
                schema: "helpdesk",
                table: "categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "category_assignments_category_staff_unique",
                schema: "helpdesk",
                table: "category_assignments",
                columns: new[] { "category_id", "staff_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_category_assignments_staff_id",
                schema: "helpdesk",
                table: "category_assignments",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_category_escalation_rungs_category_id_level",
                schema: "helpdesk",
                table: "category_escalation_rungs",
                columns: new[] { "category_id", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_category_escalation_rungs_staff_id",
                schema: "helpdesk",
                table: "category_escalation_rungs",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_class_sections_batch_id_name",
                schema: "helpdesk",
                table: "class_sections",
                columns: new[] { "batch_id", "name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id",
                schema: "helpdesk",
                table: "comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_ticket_id_created_at",
                schema: "helpdesk",
                table: "comments",
                columns: new[] { "ticket_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "idx_groups_last_message_at",
                schema: "chat",
                table: "groups",
                column: "last_message_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "idx_groups_members",
                schema: "chat",
                table: "groups",
                column: "members")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "idx_groups_name_trgm",
                schema: "chat",
                table: "groups",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_groups_product_id",
                schema: "chat",
                table: "groups",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_created_by",
                schema: "chat",
                table: "groups",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_groups_last_message_id",
                schema: "chat",
                table: "groups",
                column: "last_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_hostels_name",
                schema: "helpdesk",
                table: "hostels",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "influencer_niches_influencer_id_niche_id_key",
                schema: "creators",
                table: "influencer_niches",
                columns: new[] { "influencer_id", "niche_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_influencer_niches_niche_id",
                schema: "creators",
                table: "influencer_niches",
                column: "niche_id");

            migrationBuilder.CreateIndex(
                name: "influencers_email_key",
                schema: "creators",
                table: "influencers",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "influencers_phone_key",
                schema: "creators",
                table: "influencers",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "influencers_user_id_key",
                schema: "creators",
                table: "influencers",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "influencers_username_key",
                schema: "creators",
                table: "influencers",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_influencers_name_trgm",
                schema: "creators",
                table: "influencers",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_integrations_external_id",
                schema: "vendors",
                table: "integrations",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "idx_integrations_service",
                schema: "vendors",
                table: "integrations",
                column: "service");

            migrationBuilder.CreateIndex(
                name: "integrations_service_external_id_key",
                schema: "vendors",
                table: "integrations",
                columns: new[] { "service", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_integrations_internal_id",
                schema: "vendors",
                table: "integrations",
                column: "internal_id");

            migrationBuilder.CreateIndex(
                name: "idx_locations_timestamp",
                schema: "vendors",
                table: "locations",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "idx_locations_vendor_id",
                schema: "vendors",
                table: "locations",
                columns: new[] { "vendor_id", "timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_message_receipts_user_id",
                schema: "chat",
                table: "message_receipts",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "idx_messages_group_keyset",
                schema: "chat",
                table: "messages",
                columns: new[] { "group_id", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "idx_messages_hidden",
                schema: "chat",
                table: "messages",
                column: "hidden_at",
                filter: "hidden_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "idx_messages_sender_id",
                schema: "chat",
                table: "messages",
                column: "sender_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_hidden_by",
                schema: "chat",
                table: "messages",
                column: "hidden_by");

            migrationBuilder.CreateIndex(
                name: "niches_name_key",
                schema: "creators",
                table: "niches",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_settings_user_id",
                schema: "auth",
                table: "notification_settings",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_notifications_unread",
                schema: "chat",
                table: "notifications",
                column: "user_id",
                filter: "NOT is_read");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                schema: "chat",
                table: "notifications",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_otps_expires_at",
                schema: "creators",
                table: "otps",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_otps_phone_created_at",
                schema: "creators",
                table: "otps",
                columns: new[] { "phone", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "idx_outbox_unprocessed",
                schema: "helpdesk",
                table: "outbox",
                column: "created_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_portal_notifications_user_id_read_at",
                schema: "helpdesk",
                table: "portal_notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "idx_products_cause",
                schema: "catalog",
                table: "products",
                column: "cause");

            migrationBuilder.CreateIndex(
                name: "idx_products_created_at",
                schema: "catalog",
                table: "products",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "idx_products_publishing_status",
                schema: "catalog",
                table: "products",
                column: "publishing_status");

            migrationBuilder.CreateIndex(
                name: "idx_products_queue",
                schema: "catalog",
                table: "products",
                columns: new[] { "publishing_status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_products_queue_cause",
                schema: "catalog",
                table: "products",
                columns: new[] { "publishing_status", "cause", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_products_queue_price",
                schema: "catalog",
                table: "products",
                columns: new[] { "publishing_status", "selling_price", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_products_queue_title",
                schema: "catalog",
                table: "products",
                columns: new[] { "publishing_status", "title", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_products_suggestion_description_trgm",
                schema: "catalog",
                table: "products",
                column: "description",
                filter: "publishing_status = 'suggestion'")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_products_suggestion_title_trgm",
                schema: "catalog",
                table: "products",
                column: "title",
                filter: "publishing_status = 'suggestion'")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_products_title_trgm",
                schema: "catalog",
                table: "products",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_products_vendor_id",
                schema: "catalog",
                table: "products",
                columns: new[] { "vendor_id", "publishing_status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_profiles_user_id",
                schema: "auth",
                table: "profiles",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_user_id_expires_at",
                schema: "auth",
                table: "refresh_tokens",
                columns: new[] { "user_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_relationships_related_user_id",
                schema: "auth",
                table: "relationships",
                column: "related_user_id");

            migrationBuilder.CreateIndex(
                name: "relationships_user_id_related_user_id_unique",
                schema: "auth",
                table: "relationships",
                columns: new[] { "user_id", "related_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_roles_name",
                schema: "auth",
                table: "roles",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_views_owner_id_name",
                schema: "helpdesk",
                table: "saved_views",
                columns: new[] { "owner_id", "name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "settings_user_id_key_unique",
                schema: "auth",
                table: "settings",
                columns: new[] { "user_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_hostel_id",
                schema: "helpdesk",
                table: "staff",
                column: "hostel_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_id",
                schema: "helpdesk",
                table: "staff",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_batch_id",
                schema: "helpdesk",
                table: "students",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_class_section_id",
                schema: "helpdesk",
                table: "students",
                column: "class_section_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_hostel_id",
                schema: "helpdesk",
                table: "students",
                column: "hostel_id");

            migrationBuilder.CreateIndex(
                name: "students_roll_no_unique",
                schema: "helpdesk",
                table: "students",
                column: "roll_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "students_user_id_unique",
                schema: "helpdesk",
                table: "students",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subcategories_category_id_name",
                schema: "helpdesk",
                table: "subcategories",
                columns: new[] { "category_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_subscriptions_end_date",
                schema: "vendors",
                table: "subscriptions",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "idx_subscriptions_status",
                schema: "vendors",
                table: "subscriptions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_subscriptions_user_id",
                schema: "vendors",
                table: "subscriptions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_assigned_to",
                schema: "helpdesk",
                table: "tickets",
                column: "assigned_to");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_assignee_status_created",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "assigned_to", "status", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "due_at", "id", "updated_at", "escalation_level" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_assignee_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "assigned_to", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_category_id",
                schema: "helpdesk",
                table: "tickets",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_category_status_created",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "category_id", "status", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "due_at", "id", "updated_at", "escalation_level" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_category_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "category_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_created_by",
                schema: "helpdesk",
                table: "tickets",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_forwarded",
                schema: "helpdesk",
                table: "tickets",
                column: "status",
                filter: "status = 'FORWARDED'");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_category_open_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "category_id", "due_at", "id" },
                filter: "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_open_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "due_at", "id" },
                filter: "status IN ('OPEN', 'IN_PROGRESS', 'AWAITING_STUDENT_RESPONSE', 'FORWARDED', 'REOPENED')");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_status_created",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "status", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "due_at", "id", "updated_at", "escalation_level" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_status_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_hostel_unassigned_due",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "hostel_id", "status", "due_at", "id" },
                filter: "assigned_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_metadata",
                schema: "helpdesk",
                table: "tickets",
                column: "metadata")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_open",
                schema: "helpdesk",
                table: "tickets",
                column: "created_at",
                filter: "status <> 'RESOLVED'");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_status",
                schema: "helpdesk",
                table: "tickets",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_status_created",
                schema: "helpdesk",
                table: "tickets",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "idx_tickets_subcategory_id",
                schema: "helpdesk",
                table: "tickets",
                column: "subcategory_id");

            migrationBuilder.CreateIndex(
                name: "idx_tickets_title_trgm",
                schema: "helpdesk",
                table: "tickets",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tokens_user_id",
                schema: "auth",
                table: "tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                schema: "auth",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                schema: "auth",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id_domain_scope",
                schema: "auth",
                table: "user_roles",
                columns: new[] { "role_id", "domain", "scope" });

            migrationBuilder.CreateIndex(
                name: "unique_user_role_scope",
                schema: "auth",
                table: "user_roles",
                columns: new[] { "user_id", "role_id", "domain", "scope" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_user_verifications_user_id",
                schema: "auth",
                table: "user_verifications",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "user_verifications_id_user_id_otp_code_index",
                schema: "auth",
                table: "user_verifications",
                columns: new[] { "id", "user_id", "otp_code" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "auth",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "idx_users_contact_number",
                schema: "auth",
                table: "users",
                column: "contact_number");

            migrationBuilder.CreateIndex(
                name: "idx_users_created_at",
                schema: "auth",
                table: "users",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "idx_users_email_trgm",
                schema: "auth",
                table: "users",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_users_name_trgm",
                schema: "auth",
                table: "users",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_users_phone_trgm",
                schema: "auth",
                table: "users",
                column: "phone_number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_users_status_role",
                schema: "auth",
                table: "users",
                columns: new[] { "status", "role" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "auth",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "users_clerk_id_unique",
                schema: "auth",
                table: "users",
                column: "clerk_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "users_email_unique",
                schema: "auth",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "users_username_unique",
                schema: "auth",
                table: "users",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_vendors_created_at",
                schema: "vendors",
                table: "vendors",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "idx_vendors_location",
                schema: "vendors",
                table: "vendors",
                columns: new[] { "lat", "long" });

            migrationBuilder.CreateIndex(
                name: "idx_vendors_user_id",
                schema: "vendors",
                table: "vendors",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_vendors_name_trgm",
                schema: "vendors",
                table: "vendors",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.AddForeignKey(
                name: "fk_groups_message_last_message_id",
                schema: "chat",
                table: "groups",
                column: "last_message_id",
                principalSchema: "chat",
                principalTable: "messages",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_groups_asp_net_users_created_by",
                schema: "chat",
                table: "groups");

            migrationBuilder.DropForeignKey(
                name: "fk_messages_asp_net_users_hidden_by",
                schema: "chat",
                table: "messages");

            migrationBuilder.DropForeignKey(
                name: "fk_messages_asp_net_users_sender_id",
                schema: "chat",
                table: "messages");

            migrationBuilder.DropForeignKey(
                name: "fk_products_asp_net_users_vendor_id",
                schema: "catalog",
                table: "products");

            migrationBuilder.DropForeignKey(
                name: "fk_groups_message_last_message_id",
                schema: "chat",
                table: "groups");

            migrationBuilder.DropTable(
                name: "activity_logs",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "brand_niches",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "category_assignments",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "category_escalation_rungs",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "comments",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "influencer_niches",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "integrations",
                schema: "vendors");

            migrationBuilder.DropTable(
                name: "locations",
                schema: "vendors");

            migrationBuilder.DropTable(
                name: "message_receipts",
                schema: "chat");

            migrationBuilder.DropTable(
                name: "notification_settings",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "chat");

            migrationBuilder.DropTable(
                name: "otps",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "portal_notifications",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "profiles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "refresh_tokens",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "relationships",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "saved_views",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "students",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "subscriptions",
                schema: "vendors");

            migrationBuilder.DropTable(
                name: "tokens",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_claims",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_logins",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_roles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_tokens",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_verifications",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "brands",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "tickets",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "influencers",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "niches",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "vendors",
                schema: "vendors");

            migrationBuilder.DropTable(
                name: "class_sections",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "roles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "staff",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "subcategories",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "batches",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "hostels",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "categories",
                schema: "helpdesk");

            migrationBuilder.DropTable(
                name: "users",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "messages",
                schema: "chat");

            migrationBuilder.DropTable(
                name: "groups",
                schema: "chat");

            migrationBuilder.DropTable(
                name: "products",
                schema: "catalog");
        }
    }
}
