using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// One project on a report meeting's agenda, in presentation order, with the title and parties
/// as printed on the day (a snapshot: a project renamed later keeps its old heading here).
/// </summary>
public sealed class AgendaItem
{
    public const int PartiesTextMaxLength = 300;
    public const int ProjectKindLabelMaxLength = 50;

    // For EF Core materialization.
    private AgendaItem()
    {
        ProjectTitle = string.Empty;
    }

    internal AgendaItem(AgendaItemDraft draft, int order)
    {
        ProjectId = draft.ProjectId;
        ProjectTitle = draft.ProjectTitle;
        PartiesText = draft.PartiesText;
        ProjectKindLabel = draft.ProjectKindLabel;
        Order = order;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>1, 2, … in presentation order.</summary>
    public int Order { get; private set; }

    /// <summary>e.g. 働くまち鎌倉推進 ～キャリアのセカンドステップ～.</summary>
    public string ProjectTitle { get; private set; }

    /// <summary>e.g. 市民活動団体提案協働事業; printed after the title in brackets.</summary>
    public string? ProjectKindLabel { get; private set; }

    /// <summary>The parties as printed, e.g. かまくら主婦’ｓネットワーク／商工課.</summary>
    public string? PartiesText { get; private set; }

    public AgendaItemDraft ToDraft() => new(ProjectId, ProjectTitle, PartiesText, ProjectKindLabel);

    internal static AgendaItemDraft Check(AgendaItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ProjectId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.ProjectId, "A project id must be positive.");
        }

        return new AgendaItemDraft(
            draft.ProjectId,
            Text.Required(draft.ProjectTitle, Proposal.TitleMaxLength, nameof(draft.ProjectTitle)),
            Text.Optional(draft.PartiesText, PartiesTextMaxLength, nameof(draft.PartiesText)),
            Text.Optional(draft.ProjectKindLabel, ProjectKindLabelMaxLength, nameof(draft.ProjectKindLabel)));
    }

    internal void Apply(AgendaItemDraft checkedDraft, int order)
    {
        ProjectTitle = checkedDraft.ProjectTitle;
        PartiesText = checkedDraft.PartiesText;
        ProjectKindLabel = checkedDraft.ProjectKindLabel;
        Order = order;
    }
}

/// <summary>What the coordinator puts on the agenda for one project.</summary>
public sealed record AgendaItemDraft(int ProjectId, string ProjectTitle, string? PartiesText, string? ProjectKindLabel = null);
