using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// The real app (Program) on a fresh database with the real migrations, in a "Testing"
/// environment (Production-like: no developer pages, secure cookies, HSTS). One per test class.
/// </summary>
public class KyodoWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "test-passphrase-for-kyodo";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public KyodoWebFactory()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    private KyodoWebFactory(TestDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>
    /// Another instance of the app on <paramref name="first"/>'s database and data folder, with its
    /// own service provider (nothing in memory shared): a second server behind a load balancer.
    /// The database belongs to <paramref name="first"/>; dispose this one first.
    /// </summary>
    public static KyodoWebFactory AnotherInstanceOf(KyodoWebFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return new KyodoWebFactory(first._database, ownsDatabase: false);
    }

    private TimeProvider? _clock;

    public SqlCommandCounter SqlCommands { get; } = new();

    public string DataFolder => _database.Folder;

    public string Provider => _database.Provider;

    /// <summary>Overrides a leaf setting before the host starts (e.g. Security:LockoutAttempts).</summary>
    public KyodoWebFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs the app on <paramref name="clock"/> instead of the system clock (set before the host starts).</summary>
    public KyodoWebFactory WithClock(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Kyodo", _database.ConnectionString);
        builder.UseSetting("Storage:DataPath", _database.Folder);
        builder.UseSetting("DemoData:Seed", "false");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:0:Args:configure:1:Args:path", Path.Combine(_database.Folder, "logs", "kyodo-.log"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }
        });
    }

    /// <summary>An HttpClient over https (the session cookie is Secure) that keeps cookies and does not follow redirects.</summary>
    public PageClient CreatePageClient() => CreatePageClient(new CookieContainer());

    /// <summary>A client with the given cookie jar: one browser whose requests reach several instances.</summary>
    public PageClient CreatePageClient(CookieContainer cookies) =>
        new(CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)), cookies);

    /// <summary>A client with no cookie jar, for replaying raw Cookie headers.</summary>
    public HttpClient CreateBareClient() => CreateDefaultClient(BaseAddress);

    private static Uri BaseAddress { get; } = new("https://localhost");

    /// <summary>Creates an account through Identity, as an administrator would.</summary>
    public async Task<AppUser> CreateUserAsync(string email, params string[] roles) =>
        await CreateUserAsync(email, roles, departmentId: null, groupId: null);

    public async Task<AppUser> CreateUserAsync(string email, IEnumerable<string> roles, int? departmentId, int? groupId, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            DisplayName = email.Split('@')[0],
            DepartmentId = departmentId,
            CitizenGroupId = groupId,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    /// <summary>A signed-in client for a new user with the given role (and the affiliation the role needs).</summary>
    public async Task<PageClient> SignedInAsync(string role)
    {
        var departmentId = role is KyodoRoles.DepartmentStaff ? (await AddDepartmentAsync("担当課" + Guid.NewGuid().ToString("N")[..6])).Id : (int?)null;
        var groupId = role is KyodoRoles.GroupMember ? (await AddGroupAsync("団体" + Guid.NewGuid().ToString("N")[..6])).Id : (int?)null;
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        await CreateUserAsync(email, [role], departmentId, groupId);
        var client = CreatePageClient();
        await client.SignInAsync(email, Password);
        return client;
    }

    public Task<Department> AddDepartmentAsync(string name) =>
        AddAsync(new Department(name, "市民生活部", null, null));

    public Task<CitizenGroup> AddGroupAsync(string name, LegalForm legalForm = LegalForm.NpoCorporation) =>
        AddAsync(new CitizenGroup(name, null, legalForm, null, null));

    public async Task<T> AddAsync<T>(T entity)
        where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    /// <summary>Reads the database directly, to prove what was (or was not) saved.</summary>
    public async Task<TResult> QueryAsync<TResult>(Func<KyodoDbContext, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KyodoDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
