using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 14 item 7: the sign-in page must not tell an attacker which e-mail addresses have accounts,
/// neither by its message (also after the lockout count) nor by how long it takes. Timing itself
/// is measured by hand (a timing assertion would be flaky); these tests hold the mechanism: every
/// attempt verifies exactly one password hash, whether or not the account exists.
/// </summary>
[Trait("Category", "Database")]
public sealed class SignInEnumerationTests(SignInEnumerationTests.Factory factory) : IClassFixture<SignInEnumerationTests.Factory>
{
    private const string WrongPassword = "not-the-right-passphrase";

    public sealed class Factory : KyodoWebFactory
    {
        public Factory() => WithSetting("Security:LockoutAttempts", "3");

        public CountingPasswordHasher Hasher { get; } = new();

        public RecordingLogSink Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher).AddSingleton<Serilog.Core.ILogEventSink>(Log));
        }
    }

    /// <summary>Identity's own hasher, counting the verifications (the expensive part of a sign-in).</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_a_locked_and_a_deactivated_account_each_cost_one_password_hash()
    {
        var known = await factory.CreateUserAsync($"hash-known-{Guid.NewGuid():N}@example.jp", KyodoRoles.GroupMember);
        var locked = await factory.CreateUserAsync($"hash-locked-{Guid.NewGuid():N}@example.jp", KyodoRoles.GroupMember);
        var inactive = await factory.CreateUserAsync($"hash-inactive-{Guid.NewGuid():N}@example.jp", KyodoRoles.GroupMember);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await AttemptAsync(locked.Email!, WrongPassword);
        }

        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == inactive.Id);
            user.IsActive = false;
            return await db.SaveChangesAsync();
        });

        foreach (var (email, password) in new[]
        {
            ($"nobody-{Guid.NewGuid():N}@example.jp", WrongPassword),
            (known.Email!, WrongPassword),
            (locked.Email!, KyodoWebFactory.Password),
            (inactive.Email!, KyodoWebFactory.Password),
        })
        {
            var before = factory.Hasher.Verifications;
            await AttemptAsync(email, password);
            Assert.True(factory.Hasher.Verifications - before == 1, $"{email}: {factory.Hasher.Verifications - before} password hash verifications");
        }
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_an_existing_account_at_every_attempt_also_after_the_lockout_count()
    {
        var known = await factory.CreateUserAsync($"same-{Guid.NewGuid():N}@example.jp", KyodoRoles.DepartmentStaff);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.jp";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var forKnown = await AttemptAsync(known.Email!, WrongPassword + attempt);
            var forUnknown = await AttemptAsync(unknown, WrongPassword + attempt);

            Assert.False(string.IsNullOrWhiteSpace(forKnown.Text("[role=alert]")));
            Assert.Equal(forKnown.Text("[role=alert]"), forUnknown.Text("[role=alert]"));
        }

        var rightPasswordWhileLocked = await AttemptAsync(known.Email!, KyodoWebFactory.Password);
        var unknownAgain = await AttemptAsync(unknown, KyodoWebFactory.Password);
        Assert.Equal(rightPasswordWhileLocked.Text("[role=alert]"), unknownAgain.Text("[role=alert]"));
        Assert.Contains("ロック", rightPasswordWhileLocked.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Null(rightPasswordWhileLocked.QuerySelector(".site-user span"));
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_with_the_account_or_unknown_and_the_client_address_but_never_the_password()
    {
        var known = await factory.CreateUserAsync($"logged-{Guid.NewGuid():N}@example.jp", KyodoRoles.CommitteeMember);
        const string secretTry = "my-secret-password-guess-123";

        await AttemptAsync(known.Email!, secretTry);
        await AttemptAsync($"unknown-{Guid.NewGuid():N}@example.jp", secretTry);

        var messages = factory.Log.Events.Select(e => e.Message).ToList();
        var lines = messages.Where(l => l.Contains("Sign-in failed", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains(known.Id, StringComparison.Ordinal) && l.Contains("wrong password", StringComparison.Ordinal) && l.Contains(" from ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("unknown", StringComparison.Ordinal) && l.Contains("no such account", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(secretTry, StringComparison.Ordinal));
    }

    private async Task<IHtmlDocument> AttemptAsync(string email, string password)
    {
        using var client = factory.CreatePageClient();
        return await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", email), ("Password", password));
    }
}
