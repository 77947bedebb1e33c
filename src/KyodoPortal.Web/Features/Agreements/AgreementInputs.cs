using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Features.Proposals;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Agreements;

/// <summary>The 協定 form: parties, term, role split (one column per party), city share, cost share and purpose.</summary>
public sealed class AgreementInput
{
    public const int SparePartyRows = 2;

    public List<PartyRow> Parties { get; set; } = [];

    [Display(Name = "開始年度")]
    public int? StartFiscalYear { get; set; }

    [Display(Name = "終了年度")]
    public int? EndFiscalYear { get; set; }

    public List<AgreementRoleRow> Roles { get; set; } = [];

    /// <summary>How many party rows have a column in the role split: the rows before the spare ones (set by <see cref="Pad"/>).</summary>
    public int PartyColumns { get; private set; }

    [Display(Name = "市負担金の合計（円）")]
    public long? CityShareTotal { get; set; }

    [Display(Name = "費用負担")]
    public string? CostShareNote { get; set; }

    [Display(Name = "協定の目的")]
    public string? Purpose { get; set; }

    /// <summary>The project's version when the form was opened.</summary>
    public int Version { get; set; }

    public static AgreementInput From(AgreementDraft draft, int version) => Pad(new AgreementInput
    {
        Parties = [.. draft.Parties.Select(p => new PartyRow
        {
            Kind = p.Kind,
            CitizenGroupId = p.CitizenGroupId,
            DepartmentId = p.DepartmentId,
            Name = p.Name,
            Representative = p.Representative,
            Role = p.Role,
            Address = p.Address,
        })],
        StartFiscalYear = draft.StartFiscalYear,
        EndFiscalYear = draft.EndFiscalYear,
        Roles = [.. draft.RoleSplits.Select(r => new AgreementRoleRow { Task = r.Task, PartyRoles = [.. r.PartyRoles] })],
        CityShareTotal = draft.CityShareTotal,
        CostShareNote = draft.CostShareNote,
        Purpose = draft.Purpose,
        Version = version,
    });

    /// <summary>
    /// Drops blank rows, then adds spare ones, so a party or a role is added without JavaScript. A
    /// blank party row goes with its role-split column, unless a role was entered in that column:
    /// then both stay, for the error shown next to the role.
    /// </summary>
    public static AgreementInput Pad(AgreementInput input)
    {
        for (var column = input.Parties.Count - 1; column >= 0; column--)
        {
            if (input.Parties[column].IsBlank && !input.Roles.Any(r => r.HasRoleIn(column)))
            {
                input.Parties.RemoveAt(column);
                foreach (var row in input.Roles.Where(r => column < r.PartyRoles.Count))
                {
                    row.PartyRoles.RemoveAt(column);
                }
            }
        }

        input.PartyColumns = input.Parties.Count;
        input.Parties.AddRange(Enumerable.Range(0, SparePartyRows).Select(_ => new PartyRow()));
        input.Roles.RemoveAll(r => r.IsBlank);
        input.Roles.AddRange(Enumerable.Range(0, ProposalForms.SpareRoleRows).Select(_ => new AgreementRoleRow()));
        return input;
    }

    /// <summary>
    /// The draft the domain checks. A party's group or department id is kept only for its kind,
    /// and a directory party left unnamed takes its directory name (<paramref name="names"/>).
    /// </summary>
    public AgreementDraft ToDraft(IReadOnlyDictionary<(AgreementPartyKind Kind, int Id), string> names)
    {
        // A role is entered in the column of its party's row; the validator refuses roles in a blank row's column.
        var partyColumns = Enumerable.Range(0, Parties.Count).Where(column => !Parties[column].IsBlank).ToList();
        return new(
        [.. partyColumns.Select(column => Parties[column]).Select(r =>
        {
            var groupId = r.Kind == AgreementPartyKind.CitizenGroup ? r.CitizenGroupId : null;
            var departmentId = r.Kind == AgreementPartyKind.Department ? r.DepartmentId : null;
            var name = r.Name?.Trim();
            if (string.IsNullOrEmpty(name) && (groupId ?? departmentId) is { } id)
            {
                name = names.GetValueOrDefault((r.Kind!.Value, id));
            }

            return new AgreementPartyDraft(r.Kind!.Value, groupId, departmentId, name ?? string.Empty, r.Representative, r.Role, r.Address);
        })],
        StartFiscalYear!.Value,
        EndFiscalYear!.Value,
        [.. Roles.Where(r => !r.IsBlank).Select(r => new AgreementRoleSplitDraft(r.Task?.Trim() ?? string.Empty, [.. partyColumns.Select(r.PartyRoles.ElementAtOrDefault)]))],
        CityShareTotal!.Value,
        CostShareNote,
        Purpose);
    }
}

/// <summary>One row of the agreement's 役割分担: the task and a role per party, in the order of the party rows.</summary>
public sealed class AgreementRoleRow
{
    [Display(Name = "項目")]
    public string? Task { get; set; }

    [Display(Name = "役割")]
    public List<string?> PartyRoles { get; set; } = [];

    internal bool IsBlank => string.IsNullOrWhiteSpace(Task) && !PartyRoles.Any(role => !string.IsNullOrWhiteSpace(role));

    internal bool HasRoleIn(int column) => !string.IsNullOrWhiteSpace(PartyRoles.ElementAtOrDefault(column));
}

/// <summary>The rules of one role-split row with a role per party: the agreement's form and the change-request form.</summary>
public sealed class PartyRoleRowValidator : AbstractValidator<AgreementRoleRow>
{
    public PartyRoleRowValidator()
    {
        RuleFor(r => r.Task).NotEmpty().MaximumLength(ProposalRoleSplit.TaskMaxLength).When(r => !r.IsBlank);
        RuleFor(r => r.PartyRoles).Must(roles => roles.Count <= 20);
        RuleForEach(r => r.PartyRoles).MaximumLength(ProposalRoleSplit.RoleMaxLength);
    }
}

public sealed class PartyRow
{
    [Display(Name = "種別")]
    public AgreementPartyKind? Kind { get; set; }

    [Display(Name = "市民活動団体")]
    public int? CitizenGroupId { get; set; }

    [Display(Name = "担当課")]
    public int? DepartmentId { get; set; }

    [Display(Name = "名称")]
    public string? Name { get; set; }

    [Display(Name = "代表者")]
    public string? Representative { get; set; }

    [Display(Name = "役割")]
    public string? Role { get; set; }

    [Display(Name = "所在地")]
    public string? Address { get; set; }

    internal bool IsBlank => Kind is null && CitizenGroupId is null && DepartmentId is null
        && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Representative) && string.IsNullOrWhiteSpace(Role)
        && string.IsNullOrWhiteSpace(Address);
}

public sealed class AgreementInputValidator : AbstractValidator<AgreementInput>
{
    public AgreementInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Parties).Must(r => r.Count(p => !p.IsBlank) <= 20);
        RuleForEach(x => x.Parties).ChildRules(row =>
        {
            row.RuleFor(r => r.Kind).NotNull().IsInEnum().When(r => !r.IsBlank);
            row.RuleFor(r => r.CitizenGroupId).NotNull().When(r => r.Kind == AgreementPartyKind.CitizenGroup)
                .WithMessage(_ => localizer["市民活動団体を選んでください。"]);
            row.RuleFor(r => r.DepartmentId).NotNull().When(r => r.Kind == AgreementPartyKind.Department)
                .WithMessage(_ => localizer["担当課を選んでください。"]);
            row.RuleFor(r => r.Name).NotEmpty().When(r => r.Kind == AgreementPartyKind.Other);
            row.RuleFor(r => r.Name).MaximumLength(AgreementParty.NameMaxLength);
            row.RuleFor(r => r.Representative).MaximumLength(AgreementParty.RepresentativeMaxLength);
            row.RuleFor(r => r.Role).MaximumLength(AgreementParty.RoleMaxLength);
            row.RuleFor(r => r.Address).MaximumLength(AgreementParty.AddressMaxLength);
        });
        RuleFor(x => x.StartFiscalYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.EndFiscalYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.Roles).Must(r => r.Count(a => !a.IsBlank) <= 50);
        RuleForEach(x => x.Roles).SetValidator(new PartyRoleRowValidator());
        RuleFor(x => x).Custom((input, context) =>
        {
            for (var i = 0; i < input.Roles.Count; i++)
            {
                for (var column = 0; column < input.Roles[i].PartyRoles.Count; column++)
                {
                    if (input.Roles[i].HasRoleIn(column) && (column >= input.Parties.Count || input.Parties[column].IsBlank))
                    {
                        context.AddFailure($"Roles[{i}].PartyRoles[{column}]", localizer["当事者を削除した列に役割が入っています。役割を消すか、当事者を戻してください。"]);
                    }
                }
            }
        });
        RuleFor(x => x.CityShareTotal).NotNull().InclusiveBetween(0, BudgetLine.MaxAmount);
        RuleFor(x => x.CostShareNote).MaximumLength(Agreement.CostShareNoteMaxLength);
        RuleFor(x => x.Purpose).MaximumLength(Agreement.PurposeMaxLength);
    }
}

/// <summary>Recording the signing: the date written on the agreement.</summary>
public sealed class SignAgreementInput
{
    [Display(Name = "締結日")]
    public DateOnly? SignedOn { get; set; }

    public int Version { get; set; }
}

public sealed class SignAgreementInputValidator : AbstractValidator<SignAgreementInput>
{
    public SignAgreementInputValidator() => RuleFor(x => x.SignedOn).NotNull();
}

/// <summary>The agreement form: the input, the project, the select options and the fiscal years offered.</summary>
public sealed record AgreementFormViewModel(
    Project Project,
    AgreementInput Input,
    IReadOnlyList<SelectOption> Groups,
    IReadOnlyList<SelectOption> Departments,
    IReadOnlyList<int> Years,
    int MaxTermYears);

/// <summary>The agreement page and its print view.</summary>
public sealed record AgreementPageViewModel(Project Project, Agreement? Agreement, bool IsOffice, DateOnly Today);

internal static class AgreementYears
{
    /// <summary>The start years a term may take: a year before the project's, up to the call's longest term after it.</summary>
    public static IReadOnlyList<int> For(Project project, int maxTermYears) =>
        [.. Enumerable.Range(project.StartFiscalYear - 1, maxTermYears + 2)];
}
