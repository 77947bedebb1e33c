using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// A follow-up action a Q&amp;A exchange calls for (e.g. 市の広報紙で周知する — 商工課), open until
/// done. Tracking, not minutes text: it can be marked done even after the minutes are published.
/// </summary>
public sealed class FollowUp
{
    public const int WhatMaxLength = 1000;
    public const int WhoMaxLength = 200;

    // For EF Core materialization.
    private FollowUp()
    {
        What = string.Empty;
    }

    internal FollowUp(FollowUpDraft checkedDraft, DateOnly? doneOn, string? doneByUserId)
    {
        What = checkedDraft.What;
        Who = checkedDraft.Who;
        DueOn = checkedDraft.DueOn;
        DoneOn = doneOn;
        DoneByUserId = doneByUserId;
    }

    public string What { get; private set; }

    public string? Who { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public string? DoneByUserId { get; private set; }

    /// <summary>Computed (not stored): open until <see cref="DoneOn"/> is set.</summary>
    public bool IsOpen => DoneOn is null;

    /// <summary>Computed (not stored): open and past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn is { } due && due < today;

    public FollowUpDraft ToDraft() => new(What, Who, DueOn);

    internal static FollowUpDraft Check(FollowUpDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new FollowUpDraft(
            Text.Optional(draft.What, WhatMaxLength, nameof(draft.What))
                ?? throw new DomainRuleException("対応事項の内容を入力してください。"),
            Text.Optional(draft.Who, WhoMaxLength, nameof(draft.Who)),
            draft.DueOn);
    }

    internal void MarkDone(DateOnly doneOn, string userId)
    {
        DoneOn = doneOn;
        DoneByUserId = userId;
    }

    internal FollowUp Copy() => new(ToDraft(), DoneOn, DoneByUserId);
}

/// <summary>What the coordinator enters for a follow-up action.</summary>
public sealed record FollowUpDraft(string What, string? Who, DateOnly? DueOn);
