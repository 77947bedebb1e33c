using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Screening;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>How the ranking is read and when members may read each other's sheets.</summary>
public sealed class ScreeningSettingsInput
{
    [Display(Name = "他の委員の評価票を見られる時期")]
    public OtherSheetsVisibility? Visibility { get; set; }

    [Display(Name = "最低評価票数")]
    public int? MinimumSheets { get; set; }

    /// <summary>0–100 with at most one decimal; empty for none. Stored in tenths.</summary>
    [Display(Name = "合格ライン")]
    public decimal? PassingScore { get; set; }

    public int Version { get; set; }

    public int? PassingScoreTenths => PassingScore is { } score ? (int)(score * 10) : null;

    public static ScreeningSettingsInput From(ScreeningPanel panel) => new()
    {
        Visibility = panel.OtherSheetsVisibility,
        MinimumSheets = panel.MinimumSheets,
        PassingScore = panel.PassingScoreTenths is { } tenths ? tenths / 10m : null,
        Version = panel.Version,
    };
}

public sealed class ScreeningSettingsInputValidator : AbstractValidator<ScreeningSettingsInput>
{
    /// <summary>More members than this never sit on one panel; the limit only catches typing mistakes.</summary>
    public const int MaxMinimumSheets = 50;

    public ScreeningSettingsInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Visibility).NotNull().IsInEnum();
        RuleFor(x => x.MinimumSheets).NotNull().InclusiveBetween(ScreeningPanel.MinMinimumSheets, MaxMinimumSheets);
        RuleFor(x => x.PassingScore)
            .InclusiveBetween(0m, ScreeningPanel.MaxPassingScoreTenths / 10m)
            .Must(score => score is not { } value || decimal.Truncate(value * 10) == value * 10)
            .WithMessage(_ => localizer["合格ラインは小数第1位までで入力してください。"]);
    }
}

/// <summary>The coordinator recuses a committee member from one proposal, with the reason.</summary>
public sealed class RecusalInput
{
    [Display(Name = "評価委員")]
    public string? MemberUserId { get; set; }

    [Display(Name = "提案")]
    public int? ProposalId { get; set; }

    [Display(Name = "回避の理由")]
    public string? Reason { get; set; }
}

public sealed class RecusalInputValidator : AbstractValidator<RecusalInput>
{
    public RecusalInputValidator()
    {
        RuleFor(x => x.MemberUserId).NotEmpty();
        RuleFor(x => x.ProposalId).NotNull();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ConflictDeclaration.ReasonMaxLength);
    }
}
