using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Account;

public sealed class LoginInput
{
    [Display(Name = "メールアドレス")]
    public string? Email { get; set; }

    [Display(Name = "パスワード")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        // Checked before Identity sees the input: blank or huge values never reach sign-in.
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.ReturnUrl).MaximumLength(2000);
    }
}

public sealed class ChangePasswordInput
{
    [Display(Name = "現在のパスワード")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "新しいパスワード")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "新しいパスワード（確認）")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.NewPassword).NotEmpty().Length(PasswordRules.MinLength, PasswordRules.MaxLength)
            .NotEqual(x => x.CurrentPassword).WithMessage(_ => localizer["新しいパスワードには現在と異なるものを指定してください。"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword)
            .WithMessage(_ => localizer["確認用のパスワードが一致しません。"]);
    }
}

/// <summary>ASVS 2.1.1/2.1.2: at least 12 characters, and at least 64 allowed (we allow 128).</summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
}
