using KyodoPortal.Web.Infrastructure;
using KyodoPortal.Web.Infrastructure.Persistence;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddKyodoPortal(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseKyodoPortal();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host the app.</summary>
public partial class Program;
