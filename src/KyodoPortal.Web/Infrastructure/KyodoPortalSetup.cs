using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using FluentValidation;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Features.Surveys;
using KyodoPortal.Web.Infrastructure.Caching;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Localization;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.Persistence;
using KyodoPortal.Web.Infrastructure.Security;
using KyodoPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace KyodoPortal.Web.Infrastructure;

/// <summary>Everything Program.cs wires up, in one readable place.</summary>
public static class KyodoPortalSetup
{
    public const string SignInRateLimitPolicy = "sign-in";

    public static IServiceCollection AddKyodoPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        KyodoCultures.EnsureAvailable();
        services.AddSingleton(TimeProvider.System);
        services.AddKyodoDatabase(configuration, environment);
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<Data.Generation.CityGenerator>();
        services.AddScoped<AdministratorBootstrap>();
        services.AddSingleton<Features.PublicMinutes.PublishedMinutesPages>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<HttpsRequirementCheck>();
        services.AddSingleton<Forms.FormSubmissionPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<Forms.FormSubmissionPurge>());
        services.AddKyodoFileStore(configuration, environment);
        services.AddKyodoMail(configuration);
        services.Configure<Features.AnnualReports.ReportOptions>(configuration.GetSection(Features.AnnualReports.ReportOptions.Section));
        services.Configure<Features.Continuation.ContinuationOptions>(configuration.GetSection(Features.Continuation.ContinuationOptions.Section));

        AddIdentity(services, configuration, environment);
        services.AddAuthorization(options => options.AddKyodoPolicies());
        AddMvc(services);
        AddRateLimits(services, configuration);
        services.AddPublicPageCache(configuration);
        services.AddSurveyTallies();

        services.AddKyodoDataProtection(configuration, environment);

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind the city's reverse proxy (docker-compose, IIS, nginx) HTTPS ends at the proxy.
            // Only proxies listed here are believed (loopback always is); without them, the app
            // would see plain http (no Secure cookies) and every user under the proxy's address
            // (one shared sign-in rate limit).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Security:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Security:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Razor would otherwise write every Japanese character as a numeric entity.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // ASVS 2.1: length, not composition.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:LockoutAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KyodoDbContext>()
            .AddSignInManager<KyodoSignInManager>()
            .AddClaimsPrincipalFactory<KyodoClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // Outside Development the portal is served over HTTPS (directly or behind a proxy that sends
        // X-Forwarded-Proto); cookies are then Secure-only. Security:RequireHttps=false is for a
        // plain-http trial such as docker-compose on localhost.
        var secure = RequiresHttps(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "kyodo.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;

            // A signed-in user on a page their role may not use gets a real 403 (rendered by the
            // status-code page), not a redirect that looks like success to scripts and tests.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "kyodo.antiforgery";
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    private static void AddMvc(IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddKyodoValidators();
        services.AddScoped<FluentValidationFilter>();
        services.AddScoped<Binding.UndecodableFormFilter>();
        services.AddScoped<Forms.FormCommands>();
        services.AddSingleton<IConfigureOptions<MvcOptions>, Binding.ModelBindingMessages>();
        services.AddControllersWithViews(options =>
            {
                // MVC validates antiforgery tokens only where asked: ask everywhere (POST, PUT, DELETE…).
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new RequestRefusalFilter());
                options.Filters.AddService<FluentValidationFilter>();
                options.Filters.AddService<Binding.UndecodableFormFilter>();
                options.Conventions.Add(new Binding.RouteParametersFromRouteOnly());
                options.ModelBinderProviders.Insert(0, new Binding.ValueBinderProvider());
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: a feature's controller and views live together.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietTempDataProvider>());
    }

    private static void AddRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);

        // Link surveys are answered without an account: answers per client address and window (docs/operations.md).
        var linkAnswers = configuration.GetValue("Surveys:LinkAnswersPerWindow", 10);
        var linkWindow = TimeSpan.FromMinutes(configuration.GetValue("Surveys:LinkAnswerWindowMinutes", 10));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Features.Surveys.SurveyLinkAnswersController.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = linkAnswers, Window = linkWindow, QueueLimit = 0 }));

            // The 429 goes on to the status-code page; for a link survey's answer it says why and that nothing was saved.
            options.OnRejected = (context, _) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Features.Surveys.SurveyLinkAnswersController.RateLimitPolicy)
                {
                    context.HttpContext.Features.Set(new Security.RequestRefusalFeature(Security.RequestRefusal.TooManyAnswers));
                }

                return ValueTask.CompletedTask;
            };
        });
    }

    internal static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:RequireHttps", !environment.IsDevelopment());

    /// <summary>Whether a reverse proxy is declared whose X-Forwarded-Proto is believed (loopback always is, but must be declared to count).</summary>
    internal static bool DeclaresProxies(IConfiguration configuration) =>
        configuration.GetSection("Security:KnownProxies").GetChildren().Any() || configuration.GetSection("Security:KnownNetworks").GetChildren().Any();

    public static WebApplication UseKyodoPortal(this WebApplication app)
    {
        FluentValidationSetup.Configure(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

        app.UseForwardedHeaders();
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
        }

        if (RequiresHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging(options =>
        {
            // Without a logger of its own the request log writes through the static Log.Logger (see Program.cs).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms ({SqlCommands} SQL)";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("SqlCommands", context.Features.Get<RequestSqlCommands.Counter>()?.Count ?? 0);
        });
        app.UseMiddleware<ClientClosedRequestMiddleware>();
        app.Use(async (context, next) =>
        {
            context.Features.Set(RequestSqlCommands.Begin());
            await next(context);
        });
        app.UseRequestLocalization(KyodoCultures.Options());
        app.UseStaticFiles();
        app.UseMiddleware<Binding.FormEncodingCheck>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/healthz");
        app.MapControllers();
        return app;
    }
}
