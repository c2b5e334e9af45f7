using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Bench;

/// <summary>
/// The portal's own registrations (as Program.cs and the tests' PostgresFixture make them) over the bench database,
/// with a <see cref="SqlRecorder"/> on the data source, and one scope that stands for a circuit.
/// </summary>
public sealed class PortalServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _circuit;

    public SqlRecorder Recorder { get; } = new();

    public PortalServices(string connectionString)
    {
        var services = PortalComposition.WithoutHost(connectionString);
        services.AddSingleton(_ => DataSetup.BuildDataSource(DataSetup.WithOutageSettings(connectionString), Recorder.Configure));
        _provider = services.BuildServiceProvider();
        _circuit = _provider.CreateAsyncScope();
    }

    /// <summary>A service from the circuit's scope (scoped services such as ChatAccess keep their state across calls).</summary>
    public T Get<T>() where T : notnull => _circuit.ServiceProvider.GetRequiredService<T>();

    /// <summary>A scope of its own (one per concurrent caller: scoped services are not shared between tasks).</summary>
    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    /// <summary>A signed-in principal of the account with this email (the demo accounts the seed creates).</summary>
    public async Task<ClaimsPrincipal> SignedInAsync(string email)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Email, email)], "bench"));
    }

    public async ValueTask DisposeAsync()
    {
        await _circuit.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
