using KyodoPortal.Web.Data.Generation;
using KyodoPortal.Web.Infrastructure;
using KyodoPortal.Web.Infrastructure.Persistence;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// The app's logger lives in its service provider, not in the static Log.Logger: two apps in one
// process (the tests host many) then never write through each other's sinks.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
    preserveStaticLogger: true);

builder.Services.AddKyodoPortal(builder.Configuration, builder.Environment);

var app = builder.Build();

if (GenerateCityCommand.IsInvoked(args))
{
    // A command-line verb, not a web host: fill the database and exit.
    return await GenerateCityCommand.RunAsync(app.Services, args, Console.Out);
}

app.UseKyodoPortal();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can host the app.</summary>
public partial class Program;
