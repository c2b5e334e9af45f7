using AdminPortal.Data.Bulk;
using AdminPortal.Features.Users.Platform;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Vendors;

/// <summary>How much Venta the large load makes (the tests load the same shape at a small size).</summary>
public sealed record VendorsSize(int Owners, int Vendors, int Subscriptions)
{
    /// <summary>40k owners, 100k vendors (about 2M location points), 150k subscriptions.</summary>
    public static readonly VendorsSize Large = new(40_000, 100_000, 150_000);

    /// <summary>Location points of vendor v (0-based): none for one vendor in eight, else 20 to 25.</summary>
    public static int PointsOf(int v) => v % 8 == 7 ? 0 : 20 + v % 6;

    public long Points => Enumerable.Range(0, Vendors).Sum(v => (long)PointsOf(v));
}

/// <summary>
/// <see cref="AdminPortal.Data.Demo.DemoScale.Large"/> for Venta by binary COPY, in one <see cref="BulkLoad"/>: vendors,
/// their location trails, subscriptions and integrations. The owners are given (the part takes 40k of the platform users;
/// the tests add Venta users of their own with <see cref="AddOwnersAsync"/>).
/// Subscriptions by number: of every 20, 10 active (one of them ending within 30 days, one in 40 past its end date and
/// still active, four yearly, the rest monthly and open-ended), 5 cancelled, 5 expired.
/// </summary>
public static class LargeVendors
{
    public const string OwnerDomain = "@owners.venta.demo";
    private static readonly string[] Kinds = ["Tacos", "Coffee Cart", "Dumplings", "Falafel", "Ice Cream", "Chaat", "Bagels", "BBQ", "Crepes", "Juice Bar"];
    private static readonly string[] Names = ["Garcia", "Kim", "Okafor", "Silva", "Novak", "Haddad", "Tanaka", "Murphy", "Rossi", "Mehta",
        "Cohen", "Dubois", "Nguyen", "Larsen", "Adeyemi", "Costa"];
    private static readonly (double Lat, double Long)[] Cities =
        [(40.7128, -74.0060), (30.2672, -97.7431), (45.5152, -122.6784), (51.5072, -0.1276), (19.0760, 72.8777), (12.9716, 77.5946)];

    public static async Task LoadAsync(NpgsqlDataSource dataSource, VendorsSize size, int[] owners, DateTime now, CancellationToken ct)
    {
        if (owners.Length < size.Owners)
            throw new InvalidOperationException($"Venta's large load needs {size.Owners:N0} owners, found {owners.Length:N0}");
        owners = owners[..size.Owners];
        string[] tables = ["vendors.vendors", "vendors.locations", "vendors.subscriptions", "vendors.integrations"];
        await BulkLoad.RunAsync(dataSource,
            $"vendors ({size.Vendors:N0} vendors, {size.Points:N0} points, {size.Subscriptions:N0} subscriptions)", tables, tables,
            async (conn, freeze) =>
            {
                var options = BulkLoad.CopyOptions(freeze);
                Vendors(conn, size, owners, now, options);
                await LocationsAsync(conn, size, now, options, ct);
                Subscriptions(conn, size, owners, now, options);
                Integrations(conn, size, owners, now, options);
                await BulkLoad.ExecuteAsync(conn, "SELECT setval(pg_get_serial_sequence('vendors.vendors', 'id'), (SELECT max(id) FROM vendors.vendors))", ct);
            }, ct);
    }

    /// <summary>The owner (index into the owners) of vendor v: every owner has one, the first half of them more.</summary>
    public static int OwnerOf(int v, VendorsSize size) => v < size.Owners ? v : (int)((long)v * 7919 % Math.Max(1, size.Owners / 2));

    public static SubscriptionStatus StatusOf(int s) => (s % 20) switch { < 10 => SubscriptionStatus.Active, < 15 => SubscriptionStatus.Cancelled, _ => SubscriptionStatus.Expired };

    /// <summary>Start and end of subscription s (0-based), relative to now.</summary>
    public static (DateTime Start, DateTime? End) DatesOf(int s, DateTime now)
    {
        var start = now.AddDays(-(40 + s % 500)).AddMinutes(-(s % 1440));
        DateTime? end = (s % 20, s % 40) switch
        {
            (0, _) => now.AddHours(1 + s % (30 * 24 - 2)),        // expiring within 30 days
            (1, 1) => now.AddDays(-(1 + s % 20)),                  // past its end, still active
            (>= 2 and < 6, _) => now.AddDays(31 + s % 330),        // yearly, later
            (< 10, _) => null,                                     // monthly, renewing
            (< 15, _) => start.AddDays(5 + s % 55),                // cancelled
            _ => start.AddDays(30),                                // expired
        };
        return (start, end);
    }

    /// <summary>Venta users of their own (a Clerk id, first and last name, as Venta's model has them): the tests' owners.</summary>
    public static async Task<int[]> AddOwnersAsync(NpgsqlDataSource dataSource, VendorsSize size, DateTime now, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await BulkLoad.ExecuteAsync(conn, "SET LOCAL synchronous_commit = off", ct);
            await using (var w = await conn.BeginBinaryImportAsync("COPY auth.users (user_name, normalized_user_name, email, normalized_email, " +
                "email_confirmed, security_stamp, name, first_name, last_name, clerk_id, status, registration_platform, role, is_online, " +
                "is_active, is_verified, created_at, updated_at, lockout_enabled, access_failed_count, phone_number_confirmed, " +
                "two_factor_enabled) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var o = 0; o < size.Owners; o++)
                {
                    var email = $"owner{o}{OwnerDomain}";
                    var upper = email.ToUpperInvariant();
                    var (first, last) = (Names[o % Names.Length], Names[o / Names.Length % Names.Length]);
                    var created = now.AddMinutes(-(600L * 24 * 60) + o * 7L);
                    w.StartRow();
                    w.Write(email); w.Write(upper); w.Write(email); w.Write(upper);
                    w.Write(true); w.Write($"venta-{o}"); w.Write($"{first} {last} {o}"); w.Write(first); w.Write(last);
                    w.Write($"user_venta{o:D12}");
                    w.Write(PlatformUserStatus.Verified); w.Write(PlatformType.DeedO); w.Write(PlatformUserRole.User);
                    w.Write(false); w.Write(o % 97 != 0); w.Write(true);
                    w.Write(created, NpgsqlDbType.TimestampTz); w.Write(created, NpgsqlDbType.TimestampTz);
                    w.Write(true); w.Write(0); w.Write(false); w.Write(false);
                }
                await w.CompleteAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        LoadTimings.Record($"vendors: {size.Owners:N0} Venta owners in auth.users", watch.Elapsed);
        await using var read = new NpgsqlCommand("SELECT id FROM auth.users WHERE clerk_id LIKE 'user\\_venta%' ORDER BY id", conn);
        var ids = new List<int>(size.Owners);
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetInt32(0));
        return ids.Count == size.Owners ? [.. ids] : throw new InvalidOperationException($"expected {size.Owners} Venta owners, found {ids.Count}");
    }

    private static void Vendors(NpgsqlConnection conn, VendorsSize size, int[] owners, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport("COPY vendors.vendors (id, name, description, phone, email, website, open, primary_image, lat, long, " +
                                             $"user_id, created_at, updated_at) FROM STDIN {options}");
        for (var v = 0; v < size.Vendors; v++)
        {
            var kind = Kinds[v % Kinds.Length];
            var created = now.AddMinutes(-(500L * 24 * 60) + v * 5L);
            w.StartRow();
            w.Write(v + 1);
            w.Write($"{Names[v / Kinds.Length % Names.Length]}'s {kind} {v + 1}");
            if (v % 5 == 0) w.WriteNull(); else w.Write($"{kind} on wheels, since {2010 + v % 15}");
            if (v % 3 == 0) w.WriteNull(); else w.Write($"555-{v / 10000 % 1000:D3}-{v % 10000:D4}");
            if (v % 5 >= 3) w.WriteNull(); else w.Write($"hello{v + 1}@{kind.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.venta.demo");
            if (v % 5 >= 2) w.WriteNull(); else w.Write($"https://{kind.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}-{v + 1}.example.com");
            w.Write(v % 4 != 3);
            if (v % 4 == 0) w.WriteNull(); else w.Write($"https://res.cloudinary.com/venta-demo/image/upload/vendors/{v + 1}.jpg");
            if (VendorsSize.PointsOf(v) == 0) { w.WriteNull(); w.WriteNull(); }
            else { var (lat, lng) = Point(v, 0); w.Write(lat); w.Write(lng); }
            w.Write(owners[OwnerOf(v, size)]);
            w.Write(created, NpgsqlDbType.TimestampTz);
            w.Write(VendorsSize.PointsOf(v) == 0 ? created : LastSeen(v, now), NpgsqlDbType.TimestampTz);
        }
        w.Complete();
    }

    private static DateTime LastSeen(int v, DateTime now) => now.AddMinutes(-(v % (36 * 60)));

    /// <summary>Point p of vendor v's trail (0 = the newest, the live position): a walk near one of six cities.</summary>
    private static (double, double) Point(int v, int p)
    {
        var city = Cities[v % Cities.Length];
        var lat = city.Lat + (v * 37 % 1000 - 500) / 10_000.0 + p * ((v % 7) - 3) / 5_000.0;
        var lng = city.Long + (v * 53 % 1000 - 500) / 10_000.0 + p * ((v % 5) - 2) / 5_000.0;
        return (Math.Round(lat, 6), Math.Round(lng, 6));
    }

    // two million trail points: encoded straight into COPY's binary format (BinaryCopyWriter, decision 0045)
    private static async Task LocationsAsync(NpgsqlConnection conn, VendorsSize size, DateTime now, string options, CancellationToken ct)
    {
        await BinaryCopyWriter.CopyAsync(conn, $"COPY vendors.locations (vendor_id, lat, long, timestamp) FROM STDIN {options}", async w =>
        {
            for (var v = 0; v < size.Vendors; v++)
            {
                var at = LastSeen(v, now);
                for (var p = 0; p < VendorsSize.PointsOf(v); p++)
                {
                    var (lat, lng) = Point(v, p);
                    await w.RowAsync(4, ct);
                    w.Int4(v + 1);
                    w.Float8(lat);
                    w.Float8(lng);
                    w.TimestampTz(at.AddMinutes(-p * (5 + v % 25)));
                }
                Progress.Report("vendor trails", v + 1, size.Vendors);
                if (v % 10_000 == 0)
                    ct.ThrowIfCancellationRequested();
            }
        }, ct);
    }

    private static void Subscriptions(NpgsqlConnection conn, VendorsSize size, int[] owners, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport("COPY vendors.subscriptions (user_id, provider, product_id, status, start_date, end_date, " +
                                             $"created_at, updated_at) FROM STDIN {options}");
        for (var s = 0; s < size.Subscriptions; s++)
        {
            var (start, end) = DatesOf(s, now);
            var provider = s % 5 < 3 ? SubscriptionProvider.RevenueCat : SubscriptionProvider.Stripe;
            var yearly = end is { } e && (e - start).TotalDays > 200;
            w.StartRow();
            w.Write(owners[s % owners.Length]);
            w.Write(provider);
            w.Write(provider == SubscriptionProvider.RevenueCat ? yearly ? "venta_pro_yearly" : "venta_pro_monthly"
                : yearly ? "price_VentaProYearly" : "price_VentaProMonthly");
            w.Write(StatusOf(s));
            w.Write(start, NpgsqlDbType.TimestampTz);
            if (end is { } endDate) w.Write(endDate, NpgsqlDbType.TimestampTz); else w.WriteNull();
            w.Write(start, NpgsqlDbType.TimestampTz);
            w.Write(end is { } u && u < now ? u : start, NpgsqlDbType.TimestampTz);
        }
        w.Complete();
    }

    /// <summary>Clerk per owner (internal id: the user), Algolia per vendor but one in 25, Cloudinary per vendor with an image.</summary>
    private static void Integrations(NpgsqlConnection conn, VendorsSize size, int[] owners, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport($"COPY vendors.integrations (service, external_id, internal_id, metadata, created_at, updated_at) FROM STDIN {options}");
        var at = now.AddDays(-300);
        void Row(IntegrationService service, string external, int internalId, string metadata)
        {
            w.StartRow();
            w.Write(service);
            w.Write(external);
            w.Write(internalId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Write(metadata, NpgsqlDbType.Jsonb);
            w.Write(at, NpgsqlDbType.TimestampTz);
            w.Write(at, NpgsqlDbType.TimestampTz);
        }
        for (var o = 0; o < owners.Length; o++)
            Row(IntegrationService.Clerk, $"user_venta{o:D12}", owners[o], "{\"provider\":\"oauth_google\"}");
        for (var v = 0; v < size.Vendors; v++)
        {
            if (v % 25 != 24)   // 4% not yet indexed in Algolia: with no image too, 1% have no integration at all
                Row(IntegrationService.Algolia, $"vendor_{v + 1:D10}", v + 1, "{\"index\":\"vendors_large\"}");
            if (v % 4 != 0)
                Row(IntegrationService.Cloudinary, $"vendors/{v + 1}", v + 1, "{\"format\":\"jpg\"}");
        }
        w.Complete();
    }
}
