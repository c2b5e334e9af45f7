using System;
using AdminPortal.Features.Creators;
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
                name: "creators");

            migrationBuilder.EnsureSchema(
                name: "auth");

            migrationBuilder.EnsureSchema(
                name: "vendors");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:Enum:creators.company_type", "llp,one_person_company,partnership,private_limited,public_limited,sole_proprietorship")
                .Annotation("Npgsql:Enum:creators.document_status", "not_submitted,pending,rejected,verified")
                .Annotation("Npgsql:Enum:creators.gender", "female,male,other,prefer_not_to_say")
                .Annotation("Npgsql:Enum:vendors.integration_service", "algolia,clerk,cloudinary")
                .Annotation("Npgsql:Enum:vendors.subscription_provider", "revenuecat,stripe")
                .Annotation("Npgsql:Enum:vendors.subscription_status", "active,cancelled,expired")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
                    clerk_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, comment: "Venta users.clerkId"),
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
                    phone_number = table.Column<string>(type: "text", nullable: true),
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
                name: "niches_name_key",
                schema: "creators",
                table: "niches",
                column: "name",
                unique: true);

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
                name: "ix_roles_name",
                schema: "auth",
                table: "roles",
                column: "name",
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
                name: "EmailIndex",
                schema: "auth",
                table: "users",
                column: "normalized_email");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_niches",
                schema: "creators");

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
                name: "otps",
                schema: "creators");

            migrationBuilder.DropTable(
                name: "subscriptions",
                schema: "vendors");

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
                name: "brands",
                schema: "creators");

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
                name: "roles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "users",
                schema: "auth");
        }
    }
}
