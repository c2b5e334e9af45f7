using AdminPortal;
using AdminPortal.Components;
using AdminPortal.Data;
using AdminPortal.Diagnostics;
using AdminPortal.Features.Dashboard;
using AdminPortal.Security;
using MudBlazor.Services;

var command = PortalCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);

await using var database = await PortalDatabase.ResolveAsync(builder.Configuration, Console.WriteLine);
builder.Services.AddPortalServices(builder.Configuration, database);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddPortalTelemetry();

var app = builder.Build();
if (command.Verb is not null)
    return await command.RunAsync(app);

await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
await app.WarmUpDashboardAsync();   // before listening: the first visitor's page is not the one that pays for the JIT
await app.StartAsync();
app.PrintWelcome();
await app.WaitForShutdownAsync();
return 0;
