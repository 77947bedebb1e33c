namespace KyodoPortal.Domain.Screening;

/// <summary>
/// One criterion's line on a score sheet: points (0 to the criterion's maximum) or 該当なし (not
/// applicable, which leaves the criterion out of this member's weighted score and needs a comment
/// saying why), and an optional comment.
/// </summary>
public sealed class ScoreEntry
{
    public const int CommentMaxLength = 1000;

    // For EF Core materialization.
    private ScoreEntry()
    {
    }

    internal ScoreEntry(int criterionId, int? points, bool notApplicable, string? comment)
    {
        CriterionId = criterionId;
        Points = points;
        NotApplicable = notApplicable;
        Comment = comment;
    }

    public int Id { get; private set; }

    public int CriterionId { get; private set; }

    /// <summary>Null while not yet scored, and always when <see cref="NotApplicable"/>.</summary>
    public int? Points { get; private set; }

    public bool NotApplicable { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>Scored or marked 該当なし: what submitting requires of every criterion.</summary>
    public bool IsComplete => NotApplicable || Points is not null;
}

/// <summary>What a committee member enters for one criterion.</summary>
public sealed record ScoreEntryDraft(int CriterionId, int? Points, bool NotApplicable, string? Comment);
