using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Meetings;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>One Q&amp;A exchange: the agenda item, who asked (a member present, 会場 or someone named) and the question.</summary>
public sealed class RowInput
{
    public const string Floor = "floor";
    public const string Other = "other";

    [Display(Name = "協働事業")]
    public int? AgendaProjectId { get; set; }

    /// <summary>A member's user id, <see cref="Floor"/> or <see cref="Other"/>.</summary>
    [Display(Name = "質問者")]
    public string? Asker { get; set; }

    [Display(Name = "質問者の名前")]
    public string? AskerName { get; set; }

    [Display(Name = "質問")]
    public string? Question { get; set; }

    public static RowInput From(QaRow row) => new()
    {
        AgendaProjectId = row.AgendaProjectId,
        Asker = row.AskerKind switch
        {
            AskerKind.CommitteeMember => row.AskerUserId,
            AskerKind.Floor => Floor,
            _ => Other,
        },
        AskerName = row.AskerKind == AskerKind.CommitteeMember ? null : row.AskerName,
        Question = row.Question,
    };

    /// <summary>The draft for the domain; a member's display name comes from <paramref name="memberNames"/>.</summary>
    public QaRowDraft ToDraft(IReadOnlyDictionary<string, string> memberNames) => Asker switch
    {
        Floor => new QaRowDraft(AgendaProjectId!.Value, Question!, AskerKind.Floor, null, AskerName),
        Other => new QaRowDraft(AgendaProjectId!.Value, Question!, AskerKind.Other, null, AskerName),
        _ => new QaRowDraft(AgendaProjectId!.Value, Question!, AskerKind.CommitteeMember, Asker, memberNames.TryGetValue(Asker!, out var name) ? name : null),
    };
}

public sealed class RowInputValidator : AbstractValidator<RowInput>
{
    public RowInputValidator()
    {
        RuleFor(x => x.AgendaProjectId).NotNull();
        RuleFor(x => x.Asker).NotEmpty();
        RuleFor(x => x.AskerName).MaximumLength(QaRow.AskerNameMaxLength);
        RuleFor(x => x.AskerName).NotEmpty().When(x => x.Asker == RowInput.Other).WithMessage("質問者の名前を入力してください。");
        RuleFor(x => x.Question).NotEmpty().MaximumLength(QaRow.QuestionMaxLength);
    }
}

/// <summary>One answer: which party of the project answered (as a choice of the project's parties), the speaker's role and the text.</summary>
public sealed class AnswerInput
{
    [Display(Name = "回答した当事者")]
    public string? Party { get; set; }

    [Display(Name = "発言者の役職")]
    public string? SpeakerRole { get; set; }

    [Display(Name = "回答")]
    public string? Text { get; set; }

    public static AnswerInput From(QaAnswer answer) => new()
    {
        Party = PartyChoice.Encode(answer.Party, answer.PartyName),
        SpeakerRole = answer.SpeakerRole,
        Text = answer.Text,
    };
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator()
    {
        RuleFor(x => x.Party).NotEmpty();
        RuleFor(x => x.SpeakerRole).MaximumLength(QaAnswer.SpeakerRoleMaxLength);
        RuleFor(x => x.Text).NotEmpty().MaximumLength(QaAnswer.TextMaxLength);
    }
}

/// <summary>A follow-up action: what, who, by when.</summary>
public sealed class FollowUpInput
{
    [Display(Name = "対応事項")]
    public string? What { get; set; }

    [Display(Name = "担当")]
    public string? Who { get; set; }

    [Display(Name = "期限")]
    public DateOnly? DueOn { get; set; }

    public static FollowUpInput From(FollowUp? followUp) => new() { What = followUp?.What, Who = followUp?.Who, DueOn = followUp?.DueOn };

    public FollowUpDraft ToDraft() => new(What!, Who, DueOn);
}

public sealed class FollowUpInputValidator : AbstractValidator<FollowUpInput>
{
    public FollowUpInputValidator()
    {
        RuleFor(x => x.What).NotEmpty().MaximumLength(FollowUp.WhatMaxLength);
        RuleFor(x => x.Who).MaximumLength(FollowUp.WhoMaxLength);
    }
}

/// <summary>A party's suggested wording for its own answer.</summary>
public sealed class SuggestionInput
{
    [Display(Name = "修正案")]
    public string? Text { get; set; }
}

public sealed class SuggestionInputValidator : AbstractValidator<SuggestionInput>
{
    public SuggestionInputValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(QaAnswer.TextMaxLength);
}

/// <summary>The reason for a correction after publication (a new version).</summary>
public sealed class MinutesCorrectionInput
{
    [Display(Name = "訂正の理由")]
    public string? Reason { get; set; }
}

public sealed class MinutesCorrectionInputValidator : AbstractValidator<MinutesCorrectionInput>
{
    public MinutesCorrectionInputValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(Domain.Meetings.Minutes.CorrectionReasonMaxLength);
}

/// <summary>One party an answer can be attributed to, as offered in the answer form.</summary>
public sealed record PartyChoice(AnswerParty Party, string Name)
{
    public string Value => Encode(Party, Name);

    public static string Encode(AnswerParty party, string name) => $"{party}|{name}";
}
