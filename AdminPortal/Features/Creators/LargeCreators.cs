using System.Security.Cryptography;
using System.Text;
using AdminPortal.Data.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Creators;

/// <summary>How much Cloutsy the large load makes (the tests load the same shape at a small size).</summary>
public sealed record CreatorsSize(int Niches, int Influencers, int NichesPerInfluencer, int Brands, int OtpPhones, int OtpsPerPhone)
{
    /// <summary>100 niches, 200k influencers with 5 niches each (1M links), 50k brands, OTPs for 20k phones.</summary>
    public static readonly CreatorsSize Large = new(100, 200_000, 5, 50_000, 20_000, 3);
}

/// <summary>
/// <see cref="AdminPortal.Data.Demo.DemoScale.Large"/> for Cloutsy by binary COPY (<see cref="BulkLoad"/>): every row is
/// arithmetic on its row number with explicit ids, so links need no lookup and the load is deterministic. Needs nothing
/// of the other parts (Cloutsy has its own sign-in: no auth.users rows), so it runs alongside them.
/// Brand states, by the brand number's last two digits: 0-7 waiting (a document pending; a few thousand in all),
/// 8-13 asked for a new upload (a document rejected), 14-73 verified, 74-99 incomplete (a document never sent).
/// </summary>
public static class LargeCreators
{
    private static readonly string[] First = ["Aarav", "Diya", "Vihaan", "Ananya", "Kabir", "Isha", "Arjun", "Meera", "Rohan", "Saanvi",
        "Ishaan", "Kiara", "Aditya", "Riya", "Vivaan", "Tara", "Reyansh", "Navya", "Dhruv", "Anika"];
    private static readonly string[] Last = ["Sharma", "Patel", "Iyer", "Reddy", "Khan", "Singh", "Das", "Nair", "Gupta", "Mehta",
        "Kapoor", "Bose", "Joshi", "Menon", "Rao", "Chopra", "Pillai", "Verma", "Sen", "Malhotra"];
    private static readonly string[] Topics = ["Fashion", "Beauty", "Food", "Travel", "Fitness", "Tech", "Gaming", "Music", "Parenting",
        "Finance", "Education", "Comedy", "Art", "Pets", "Cars", "Books", "Cricket", "Yoga", "Dance", "Film"];
    private static readonly string[] Flavours = ["", "Street ", "Budget ", "Luxury ", "Indie "];
    private static readonly string[] CompanyWords = ["Saffron", "Lotus", "Monsoon", "Peacock", "Banyan", "Indigo", "Jasmine", "Tiger",
        "Cedar", "Coral", "Ember", "Marigold"];
    private static readonly string[] CompanyKinds = ["Foods", "Apparel", "Cosmetics", "Labs", "Studios", "Wellness", "Gear", "Homes"];

    public static async Task LoadAsync(NpgsqlDataSource dataSource, CreatorsSize size, DateTime now, int? reviewerId, CancellationToken ct)
    {
        string[] tables = ["creators.niches", "creators.influencers", "creators.brands", "creators.influencer_niches",
            "creators.brand_niches", "creators.otps"];
        var links = (long)size.Influencers * size.NichesPerInfluencer;
        await BulkLoad.RunAsync(dataSource,
            $"creators ({size.Influencers:N0} influencers, {links:N0} links, {size.Brands:N0} brands)", tables, tables,
            async (conn, freeze) =>
            {
                var options = BulkLoad.CopyOptions(freeze);
                Niches(conn, size, now, options);
                await InfluencersAsync(conn, size, now, options, ct);
                await InfluencerLinksAsync(conn, size, now, options, ct);
                Brands(conn, size, now, reviewerId, options);
                BrandLinks(conn, size, now, options);
                Otps(conn, size, now, options);
                foreach (var table in tables.Where(t => !t.EndsWith("_niches", StringComparison.Ordinal) && t != "creators.otps"))
                    await BulkLoad.ExecuteAsync(conn, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", ct);
            }, ct);
    }

    /// <summary>Niche k (1-based): the first twenty are plain topics, then flavoured ones; every 25th is retired.</summary>
    public static string NicheName(int k) => Flavours[(k - 1) / Topics.Length % Flavours.Length] + Topics[(k - 1) % Topics.Length]
                                             + ((k - 1) / (Topics.Length * Flavours.Length) is var round and > 0 ? $" {round + 1}" : "");

    public static bool NicheActive(int k) => k % 25 != 0;

    /// <summary>The niches of influencer i: distinct (a step under 20 over 100 niches), skewed towards the first ones.</summary>
    public static IEnumerable<int> InfluencerNiches(int i, CreatorsSize size)
    {
        var u = (uint)(i * 2654435761u) / (double)uint.MaxValue;
        var first = (int)(u * u * size.Niches);
        var step = 1 + i % Math.Max(1, Math.Min(19, size.Niches / Math.Max(1, size.NichesPerInfluencer) - 1));
        for (var j = 0; j < size.NichesPerInfluencer; j++)
            yield return 1 + (first + j * step) % size.Niches;
    }

    public static IEnumerable<int> BrandNiches(int b, CreatorsSize size)
    {
        var count = 1 + b % 3;
        for (var j = 0; j < count; j++)
            yield return 1 + (b * 7 + j * 11) % size.Niches;
    }

    /// <summary>Incorporation, GST, PAN states of brand b (see the class summary).</summary>
    public static (DocumentStatus Incorporation, DocumentStatus Gst, DocumentStatus Pan) BrandDocuments(int b)
    {
        var r = b % 100;
        var spread = b / 100;
        return r switch
        {
            < 8 => (DocumentStatus.Pending, (DocumentStatus)(spread % 4), (DocumentStatus)(spread / 4 % 4)),
            < 14 => (spread % 2 == 0 ? DocumentStatus.Verified : DocumentStatus.Rejected, DocumentStatus.Rejected,
                spread % 3 == 0 ? DocumentStatus.NotSubmitted : DocumentStatus.Verified),
            < 74 => (DocumentStatus.Verified, DocumentStatus.Verified, DocumentStatus.Verified),
            _ => (DocumentStatus.Verified, DocumentStatus.NotSubmitted, spread % 2 == 0 ? DocumentStatus.Verified : DocumentStatus.NotSubmitted),
        };
    }

    public static string InfluencerPhone(int i) => $"+91 9{i:D9}";

    public static string? BrandPhone(int b) => b % 7 == 3 ? null : $"+91 8{b:D9}";

    private static void Niches(NpgsqlConnection conn, CreatorsSize size, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport($"COPY creators.niches (id, name, icon, description, is_active, created_at, updated_at) FROM STDIN {options}");
        for (var k = 1; k <= size.Niches; k++)
        {
            var name = NicheName(k);
            w.StartRow();
            w.Write(k);
            w.Write(name);
            w.Write("#");
            w.Write($"{name} content");
            w.Write(NicheActive(k));
            w.Write(now.AddDays(-720), NpgsqlDbType.TimestampTz);
            w.Write(now.AddDays(NicheActive(k) ? -720 : -30), NpgsqlDbType.TimestampTz);
        }
        w.Complete();
    }

    // the influencers and their million niche links: encoded straight into COPY's binary format (BinaryCopyWriter, decision 0045)
    private static async Task InfluencersAsync(NpgsqlConnection conn, CreatorsSize size, DateTime now, string options, CancellationToken ct)
    {
        var genders = Enum.GetValues<Gender>().Select(BinaryCopyWriter.EnumLabel).ToArray();   // by value
        var minutes = 2 * 365 * 24 * 60;
        await BinaryCopyWriter.CopyAsync(conn, "COPY creators.influencers (id, name, username, email, phone, date_of_birth, gender, bio, " +
                                               $"profile_image, is_phone_verified, is_active, created_at, updated_at) FROM STDIN {options}", async w =>
        {
            for (var i = 1; i <= size.Influencers; i++)
            {
                var first = First[i % First.Length];
                var last = Last[i / First.Length % Last.Length];
                var handle = $"{first}.{last}{i}".ToLowerInvariant();
                var created = now.AddMinutes(-minutes + (long)i * minutes / size.Influencers);
                await w.RowAsync(13, ct);
                w.Int4(i);
                w.Text($"{first} {last} {i}");
                w.Text(handle);
                w.Text($"{handle}@creators.cloutsy.demo");
                w.Text(InfluencerPhone(i));
                if (i % 5 == 0) w.Null(); else w.Date(new DateOnly(1985 + i % 20, 1 + i % 12, 1 + i % 28));
                if (i % 10 == 0) w.Null(); else w.Bytes(genders[i % 4]);
                if (i % 3 == 0) w.Null(); else w.Text($"{Topics[i % Topics.Length]} creator from {Last[i % Last.Length]} street");
                if (i % 2 == 0) w.Null(); else w.Text($"https://cdn.cloutsy.demo/influencers/{i}.jpg");
                w.Bool(i % 5 != 0);
                w.Bool(i % 13 != 0);
                w.TimestampTz(created);
                w.TimestampTz(created.AddDays(i % 5));
                Progress.Report("influencers", i, size.Influencers);
                if (i % 10_000 == 0)
                    ct.ThrowIfCancellationRequested();
            }
        }, ct);
    }

    private static async Task InfluencerLinksAsync(NpgsqlConnection conn, CreatorsSize size, DateTime now, string options, CancellationToken ct)
    {
        var at = now.AddDays(-365);
        await BinaryCopyWriter.CopyAsync(conn, $"COPY creators.influencer_niches (influencer_id, niche_id, created_at, updated_at) FROM STDIN {options}", async w =>
        {
            for (var i = 1; i <= size.Influencers; i++)
                foreach (var niche in InfluencerNiches(i, size))
                {
                    await w.RowAsync(4, ct);
                    w.Int4(i);
                    w.Int4(niche);
                    w.TimestampTz(at);
                    w.TimestampTz(at);
                }
        }, ct);
    }

    private static void Brands(NpgsqlConnection conn, CreatorsSize size, DateTime now, int? reviewerId, string options)
    {
        using var w = conn.BeginBinaryImport("COPY creators.brands (id, email, phone, is_phone_verified, brand_name, username, " +
            "legal_entity_name, company_type, brand_email_id, poc_name, poc_designation, poc_email_id, poc_contact_number, brand_bio, " +
            "profile_image, incorporation_document, incorporation_document_status, gst_document, gst_document_status, pan_document, " +
            "pan_document_status, verification_note, reviewed_by_id, reviewed_at, is_profile_completed, is_active, created_at, updated_at) " +
            $"FROM STDIN {options}");
        for (var b = 1; b <= size.Brands; b++)
        {
            var company = $"{CompanyWords[b % CompanyWords.Length]} {CompanyWords[b / CompanyWords.Length % CompanyWords.Length]} {CompanyKinds[b % CompanyKinds.Length]} {b}";
            var slug = $"brand{b}";
            var (inc, gst, pan) = BrandDocuments(b);
            var decided = new[] { inc, gst, pan }.Any(s => s is DocumentStatus.Verified or DocumentStatus.Rejected);
            var complete = b % 50 != 0;
            // the waiting ones spread over the last 90 days (the queue's submitted range), the rest over two years
            var created = b % 100 < 8 ? now.AddMinutes(-(b * 37L % (90 * 24 * 60))) : now.AddMinutes(-(b * 53L % (730 * 24 * 60)));
            w.StartRow();
            w.Write(b);
            w.Write($"founder@{slug}.brands.cloutsy.demo");
            WriteText(w, BrandPhone(b));
            w.Write(b % 4 != 1);
            WriteText(w, complete ? company : null);
            WriteText(w, complete ? slug : null);
            WriteText(w, complete ? $"{company} Private Limited" : null);
            if (complete) w.Write((CompanyType)(b % 6)); else w.WriteNull();
            WriteText(w, complete ? $"hello@{slug}.brands.cloutsy.demo" : null);
            WriteText(w, complete ? $"{First[b % First.Length]} {Last[b % Last.Length]}" : null);
            WriteText(w, complete ? "Marketing Manager" : null);
            WriteText(w, complete ? $"poc@{slug}.brands.cloutsy.demo" : null);
            WriteText(w, complete ? $"+91 7{b:D9}" : null);
            WriteText(w, complete ? $"{CompanyKinds[b % CompanyKinds.Length]} made in India" : null);
            WriteText(w, complete ? $"https://cdn.cloutsy.demo/brands/{b}.png" : null);
            WriteDocument(w, inc, "/assets/brands/certificate-of-incorporation.pdf");
            WriteDocument(w, gst, "/assets/brands/gst-registration.svg");
            WriteDocument(w, pan, b % 7 == 0 ? "/assets/brands/pan-card-scan.tiff" : "/assets/brands/pan-card.svg");
            WriteText(w, decided ? (new[] { inc, gst, pan }.Contains(DocumentStatus.Rejected) ? "PAN name does not match the legal entity name." : "Documents verified against MCA records.") : null);
            if (decided && reviewerId is { } reviewer) w.Write(reviewer); else w.WriteNull();
            if (decided) w.Write(created.AddDays(1), NpgsqlDbType.TimestampTz); else w.WriteNull();
            w.Write(complete);
            w.Write(b % 11 != 0);
            w.Write(created, NpgsqlDbType.TimestampTz);
            w.Write(created.AddDays(decided ? 1 : 0), NpgsqlDbType.TimestampTz);
        }
        w.Complete();
    }

    private static void BrandLinks(NpgsqlConnection conn, CreatorsSize size, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport($"COPY creators.brand_niches (brand_id, niche_id, created_at, updated_at) FROM STDIN {options}");
        var at = now.AddDays(-365);
        for (var b = 1; b <= size.Brands; b++)
            foreach (var niche in BrandNiches(b, size).Distinct())
            {
                w.StartRow();
                w.Write(b);
                w.Write(niche);
                w.Write(at, NpgsqlDbType.TimestampTz);
                w.Write(at, NpgsqlDbType.TimestampTz);
            }
        w.Complete();
    }

    /// <summary>Codes of a sample of phones (influencers' and brands'): used, expired unused, and the newest open.</summary>
    private static void Otps(NpgsqlConnection conn, CreatorsSize size, DateTime now, string options)
    {
        using var w = conn.BeginBinaryImport($"COPY creators.otps (phone, otp, is_used, expires_at, created_at, updated_at) FROM STDIN {options}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("123456")));
        for (var p = 0; p < size.OtpPhones; p++)
        {
            var phone = p % 4 == 3 && BrandPhone(p + 1) is { } brand && p + 1 <= size.Brands ? brand
                : InfluencerPhone(1 + p * 7 % size.Influencers);
            for (var k = 0; k < size.OtpsPerPhone; k++)
            {
                var open = k == 0 && p % 10 == 0;
                var created = open ? now.AddMinutes(-2) : now.AddMinutes(-(60 * 24 * (k + 1)) - p % 1440);
                w.StartRow();
                w.Write(phone);
                w.Write(hash);
                w.Write(!open && k % 2 == 0);
                w.Write(created.AddMinutes(5), NpgsqlDbType.TimestampTz);
                w.Write(created, NpgsqlDbType.TimestampTz);
                w.Write(created, NpgsqlDbType.TimestampTz);
            }
        }
        w.Complete();
    }

    private static void WriteText(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value);
    }

    private static void WriteDocument(NpgsqlBinaryImporter w, DocumentStatus status, string url)
    {
        WriteText(w, status == DocumentStatus.NotSubmitted ? null : url);
        w.Write(status);
    }
}
