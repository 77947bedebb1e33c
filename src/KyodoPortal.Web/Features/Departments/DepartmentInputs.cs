using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Organizations;

namespace KyodoPortal.Web.Features.Departments;

public sealed class DepartmentInput
{
    [Display(Name = "課名")]
    public string? Name { get; set; }

    [Display(Name = "部局")]
    public string? Division { get; set; }

    [Display(Name = "連絡先メールアドレス")]
    public string? ContactEmail { get; set; }

    [Display(Name = "連絡先電話番号")]
    public string? ContactPhone { get; set; }

    [Display(Name = "有効")]
    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public static DepartmentInput From(Department department) => new()
    {
        Name = department.Name,
        Division = department.Division,
        ContactEmail = department.ContactEmail,
        ContactPhone = department.ContactPhone,
        IsActive = department.IsActive,
        Version = department.Version,
    };
}

public sealed class DepartmentInputValidator : AbstractValidator<DepartmentInput>
{
    public DepartmentInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Department.NameMaxLength);
        RuleFor(x => x.Division).MaximumLength(Department.DivisionMaxLength);
        RuleFor(x => x.ContactEmail).MaximumLength(Department.ContactMaxLength).EmailAddress();
        RuleFor(x => x.ContactPhone).MaximumLength(Department.ContactMaxLength).Matches(@"^[0-9０-９\-－() +]*$");
    }
}
