using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Auth;

/// <summary>Identity's messages in the user's language (it ships English only).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), localizer["パスワードは{0}文字以上にしてください。", length]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), localizer["現在のパスワードが正しくありません。"]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), localizer["このメールアドレスは既に登録されています。"]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), localizer["このメールアドレスは既に登録されています。"]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), localizer["メールアドレスの形式が正しくありません。"]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), localizer["メールアドレスの形式が正しくありません。"]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), localizer["他の人が先に更新しました。画面を開き直してから、もう一度操作してください。"]);

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), localizer["処理できませんでした。もう一度お試しください。"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
