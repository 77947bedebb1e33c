using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Builders;

/// <summary>
/// A call whose screening has started, a panel for it and score sheets reached through the real
/// steps (assign, declare, open, save, submit). The rubric is 公益性 (weight 3), 実現性 (weight 2)
/// and 協働の効果 (weight 1), each scored 0–5.
/// </summary>
internal static class ScreeningBuilder
{
    public const string Coordinator = "coordinator-1";
    public const string NotApplicableComment = "本提案には該当しないため。";

    public static readonly DateTime OpensAtUtc = new(2024, 9, 30, 15, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime ClosesAtUtc = new(2024, 11, 30, 15, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Now = new(2024, 12, 10, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Later = new(2024, 12, 12, 3, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<RubricCriterion> Rubric { get; } =
    [
        new(1, "公益性", 3, 5),
        new(2, "実現性", 2, 5),
        new(3, "協働の効果", 1, 5),
    ];

    public static Call ScreeningCall()
    {
        var call = new Call("令和7年度 協働事業提案制度", ProposalType.GroupProposal, 2025, OpensAtUtc, ClosesAtUtc, 600_000, 300_000, 3, null);
        call.ReplaceCriteria(
        [
            new ScreeningCriterionDraft("公益性", null, 3, 5),
            new ScreeningCriterionDraft("実現性", null, 2, 5),
            new ScreeningCriterionDraft("協働の効果", null, 1, 5),
        ]);
        call.StartScreening(Now);
        return call;
    }

    public static ScreeningPanel Panel(
        string[] members,
        int minimumSheets = 1,
        int? passingScoreTenths = null,
        OtherSheetsVisibility visibility = OtherSheetsVisibility.AfterOwnSubmission)
    {
        var panel = new ScreeningPanel(ScreeningCall(), visibility, minimumSheets, passingScoreTenths, Now);
        foreach (var member in members)
        {
            panel.AddMember(member, Now);
        }

        return panel;
    }

    /// <summary>One entry per rubric criterion in order; null points mean 該当なし (with a comment).</summary>
    public static IReadOnlyList<ScoreEntryDraft> Entries(IReadOnlyList<RubricCriterion> rubric, params int?[] points) =>
    [
        .. rubric.Zip(points, (criterion, value) => value is null
            ? new ScoreEntryDraft(criterion.Id, null, NotApplicable: true, NotApplicableComment)
            : new ScoreEntryDraft(criterion.Id, value, NotApplicable: false, null)),
    ];

    public static ScoreSheet Draft(ScreeningPanel panel, string member, int proposalId, IReadOnlyList<RubricCriterion> rubric, params int?[] points)
    {
        if (!panel.HasDeclared(member, proposalId))
        {
            panel.Declare(member, proposalId, hasConflict: false, null, Now);
        }

        var sheet = panel.OpenSheet(member, proposalId, Now);
        sheet.Save(panel, rubric, Entries(rubric, points), null, Now);
        return sheet;
    }

    public static ScoreSheet SubmittedWithRubric(ScreeningPanel panel, string member, int proposalId, IReadOnlyList<RubricCriterion> rubric, params int?[] points)
    {
        var sheet = Draft(panel, member, proposalId, rubric, points);
        sheet.Submit(panel, rubric, Now);
        return sheet;
    }

    public static ScoreSheet Submitted(ScreeningPanel panel, string member, int proposalId, params int?[] points) =>
        SubmittedWithRubric(panel, member, proposalId, Rubric, points);
}
