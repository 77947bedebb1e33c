using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Features.Account;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Users;

/// <summary>Roles and affiliations, shared by the create and edit forms.</summary>
public class UserProfileInput
{
    [Display(Name = "氏名")]
    public string? DisplayName { get; set; }

    [Display(Name = "役割")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "所属課")]
    public int? DepartmentId { get; set; }

    [Display(Name = "所属団体")]
    public int? CitizenGroupId { get; set; }
}

public sealed class CreateUserInput : UserProfileInput
{
    [Display(Name = "メールアドレス")]
    public string? Email { get; set; }

    [Display(Name = "初期パスワード")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

public sealed class EditUserInput : UserProfileInput
{
    public string? ConcurrencyStamp { get; set; }
}

public sealed class ResetPasswordInput
{
    [Display(Name = "新しいパスワード")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}

internal static class UserProfileRules
{
    /// <summary>Affiliation follows the role: department staff need a department, group members a group.</summary>
    public static void Apply<T>(AbstractValidator<T> validator, IStringLocalizer localizer)
        where T : UserProfileInput
    {
        validator.RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(AppUser.DisplayNameMaxLength);
        validator.RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => localizer["役割を一つ以上選んでください。"]);
        validator.RuleForEach(x => x.Roles).Must(r => KyodoRoles.All.Contains(r)).WithMessage(_ => localizer["役割の指定が正しくありません。"]);
        validator.RuleFor(x => x.DepartmentId).NotNull().When(x => x.Roles.Contains(KyodoRoles.DepartmentStaff))
            .WithMessage(_ => localizer["担当課職員には所属課を指定してください。"]);
        validator.RuleFor(x => x.CitizenGroupId).NotNull().When(x => x.Roles.Contains(KyodoRoles.GroupMember))
            .WithMessage(_ => localizer["市民活動団体メンバーには所属団体を指定してください。"]);
    }
}

public sealed class CreateUserInputValidator : AbstractValidator<CreateUserInput>
{
    public CreateUserInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        UserProfileRules.Apply(this, localizer);
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.Password).NotEmpty().Length(PasswordRules.MinLength, PasswordRules.MaxLength);
    }
}

public sealed class EditUserInputValidator : AbstractValidator<EditUserInput>
{
    public EditUserInputValidator(IStringLocalizer<SharedResource> localizer) => UserProfileRules.Apply(this, localizer);
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator() =>
        RuleFor(x => x.Password).NotEmpty().Length(PasswordRules.MinLength, PasswordRules.MaxLength);
}
