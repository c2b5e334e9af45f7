using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// The portal's own registrations (as Program.cs makes them, without the web host) over the benchmark database, and
/// the data the chat figures start from: the big group, a small one, cursors at given depths, filter values.
/// </summary>
public static class ChatBenchSetup
{
    public const string ModeratorEmail = "moderator@adminportal.demo";

    public static ServiceProvider BuildServices(string connectionString) =>
        PortalComposition.WithoutHost(connectionString).BuildServiceProvider();

    /// <summary>A signed-in principal as the cookie carries it: the user id and the role names.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(NpgsqlDataSource data, string email)
    {
        await using var conn = await data.OpenConnectionAsync();
        var id = await ScalarAsync<int>(conn, "SELECT id FROM auth.users WHERE email = $1", email);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(ClaimTypes.Email, email) };
        await using var roles = new NpgsqlCommand(
            "SELECT r.name FROM auth.user_roles ur JOIN auth.roles r ON r.id = ur.role_id WHERE ur.user_id = $1", conn)
            { Parameters = { new() { Value = id } } };
        await using var reader = await roles.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            claims.Add(new Claim(ClaimTypes.Role, reader.GetString(0)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "bench"));
    }

    /// <summary>The (timestamp, id) of the message <paramref name="depth"/> places from a group's newest (OFFSET, once).</summary>
    public static async Task<(DateTime Timestamp, Guid Id)> AtDepthAsync(NpgsqlConnection conn, Guid group, long depth)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT timestamp, id FROM chat.messages WHERE group_id = $1 ORDER BY timestamp DESC, id DESC OFFSET $2 LIMIT 1", conn)
            { CommandTimeout = 300, Parameters = { new() { Value = group }, new() { Value = depth } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDateTime(0), reader.GetGuid(1));
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        foreach (var a in args)
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
