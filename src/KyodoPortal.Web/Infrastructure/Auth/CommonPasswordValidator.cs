using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>
/// ASVS 2.1.7: refuse passwords that appear in lists of breached / common passwords, and ones
/// built from the user's own name or e-mail. Length (≥ 12) is Identity's own rule; there are no
/// composition rules (ASVS 2.1.9). The list ships as an embedded resource (no network here).
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var normalized = password.Trim().ToLowerInvariant();
        if (CommonPasswords.Value.Contains(normalized) || IsOneRepeatedCharacter(normalized) || IsSequence(normalized))
        {
            return Failed("CommonPassword", localizer["よく使われるパスワードや推測されやすいパスワードは使えません。"]);
        }

        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (localPart is { Length: >= 4 } && normalized.Contains(localPart, StringComparison.Ordinal))
        {
            return Failed("PasswordContainsUserName", localizer["パスワードにメールアドレスの一部を含めることはできません。"]);
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static bool IsOneRepeatedCharacter(string password) => password.Distinct().Count() <= 2;

    /// <summary>"123456789012", "abcdefghijkl" and their reverses.</summary>
    private static bool IsSequence(string password)
    {
        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            var step = password[i] - password[i - 1];
            ascending &= step is 1 or -9;
            descending &= step is -1 or 9;
        }

        return ascending || descending;
    }

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KyodoPortal.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
