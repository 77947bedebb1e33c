using Microsoft.AspNetCore.Hosting;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// The site as a newcomer runs it: Development with the demo city seeded (accounts such as
/// coordinator@example.jp and committee@example.jp, all with <see cref="DemoPassword"/>).
/// </summary>
public sealed class DemoWebFactory : KyodoWebFactory
{
    public const string DemoPassword = "demo-passphrase-for-tests";

    /// <summary>A new client signed in as one of the demo accounts.</summary>
    public async Task<PageClient> SignedInAsAsync(string email)
    {
        var client = CreatePageClient();
        await client.SignInAsync(email, DemoPassword);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("DemoData:Seed", "true");
        builder.UseSetting("DemoData:Password", DemoPassword);
    }
}
