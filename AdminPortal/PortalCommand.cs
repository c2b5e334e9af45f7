using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal;

/// <summary>
/// Verbs on the portal's own executable: <c>migrate</c>, <c>seed [--scale demo|large] [--reset] [--only PART,PART] [--audit-records N]</c>,
/// <c>create-admin --email X [--password-stdin]</c>, <c>rollups rebuild</c>. Without a verb, the portal serves.
/// </summary>
public sealed class PortalCommand
{
    private static readonly string[] Verbs = ["migrate", "seed", "create-admin", "rollups"];

    public string? Verb { get; private init; }
    public string[] HostArgs { get; private init; } = [];
    public Dictionary<string, string?> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static PortalCommand Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
            return new PortalCommand { HostArgs = args };
        var command = new PortalCommand { Verb = args[0] };
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            var key = arg.TrimStart('-');
            if (arg.StartsWith("--", StringComparison.Ordinal) && key is "scale" or "email" or "only" or "audit-records" && i + 1 < args.Length)
                command.Options[key] = args[++i];
            else if (arg.StartsWith("--", StringComparison.Ordinal) && key is "reset" or "password-stdin")
                command.Options[key] = "true";
            else
                host.Add(arg);
        }
        return new PortalCommand { Verb = command.Verb, HostArgs = [.. host], Options = { } }.With(command.Options);
    }

    private PortalCommand With(Dictionary<string, string?> options)
    {
        foreach (var kv in options)
            Options[kv.Key] = kv.Value;
        return this;
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            return Verb switch
            {
                "migrate" => await MigrateAsync(services),
                "seed" => await SeedAsync(services, app.Environment.EnvironmentName),
                "create-admin" => await CreateAdminAsync(services),
                "rollups" => await RollupsAsync(services),
                _ => 2,
            };
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var database = services.GetRequiredService<PortalDatabase>();
        var pending = new List<string>();
        await database.AsOwnerAsync(async db => pending.AddRange(await db.Database.GetPendingMigrationsAsync()));
        await DatabaseRoles.MigrateAsync(database);   // as the owner, then the portal's role gets its grants
        Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s).");
        return 0;
    }

    private async Task<int> SeedAsync(IServiceProvider services, string environmentName)
    {
        DemoAccounts.EnsureDevelopment(environmentName);   // before migrating or emptying anything
        await MigrateAsync(services);
        var scale = Options.GetValueOrDefault("scale") ?? "demo";
        var reset = Options.ContainsKey("reset");
        var demoScale = scale switch
        {
            "demo" => DemoScale.Demo,
            "large" => DemoScale.Large,
            _ => throw new CommandException($"Unknown --scale '{scale}': use demo or large."),
        };
        // --only "audit log,chat" and --audit-records N: a piece of the large load, for measuring it (DemoLoadOptions)
        var only = Options.GetValueOrDefault("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        long? auditRecords = Options.GetValueOrDefault("audit-records") is { } n
            ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : null;
        await DemoData.SeedPrivilegedAsync(services.GetRequiredService<PortalDatabase>(), environmentName, demoScale, reset,
            options: new DemoLoadOptions(only, auditRecords));
        DemoAccounts.Print(Console.Out);
        return 0;
    }

    private async Task<int> RollupsAsync(IServiceProvider services)
    {
        if (HostArgs is not ["rebuild", ..])
            throw new CommandException("Usage: rollups rebuild");
        await MigrateAsync(services);
        var took = await Data.Rollups.RollupRebuild.RunAsync(services.GetRequiredService<PortalDatabase>());
        Console.WriteLine($"Rollups rebuilt in {took.TotalSeconds:F1} s.");
        return 0;
    }

    private async Task<int> CreateAdminAsync(IServiceProvider services)
    {
        var email = Options.GetValueOrDefault("email");
        if (string.IsNullOrWhiteSpace(email))
            throw new CommandException("create-admin needs --email X");
        await MigrateAsync(services);
        string? password;
        if (Options.ContainsKey("password-stdin") || Console.IsInputRedirected)
            password = (await Console.In.ReadLineAsync())?.Trim();
        else
        {
            Console.Write($"Password for {email} (at least 12 characters): ");
            password = ReadHidden();
        }
        if (string.IsNullOrEmpty(password))
            throw new CommandException("No password given.");
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var result = await AdminAccounts.CreateAsync(users, db, email, password);
        if (!result.Succeeded)
            throw new CommandException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        Console.WriteLine($"Admin {email} created.");
        return 0;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
                chars.RemoveAt(chars.Count - 1);
            else if (!char.IsControl(key.KeyChar))
                chars.Add(key.KeyChar);
        }
        Console.WriteLine();
        return new string([.. chars]);
    }
}

public sealed class CommandException(string message) : Exception(message);
