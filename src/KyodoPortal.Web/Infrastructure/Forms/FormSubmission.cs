using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// A creating form that was saved: the one-time key the form carried (made when the form was
/// shown), who sent it and where its result is. A second post of the same form — a double click,
/// a request the browser or a proxy retried — finds this row and is answered with the first one's
/// result instead of creating a duplicate; the unique index on <see cref="Key"/> settles two posts
/// that arrive at the same moment (the second one's whole save is rolled back).
/// </summary>
public sealed class FormSubmission
{
    public const int ResultUrlMaxLength = 400;

    public FormSubmission(Guid key, string userId, string resultUrl, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(resultUrl);
        Key = key;
        UserId = userId;
        ResultUrl = resultUrl.Length <= ResultUrlMaxLength ? resultUrl : throw new ArgumentException("The result URL is too long to keep.", nameof(resultUrl));
        CreatedAtUtc = createdAtUtc;
    }

    private FormSubmission()
    {
        UserId = null!;
        ResultUrl = null!;
    }

    public int Id { get; private set; }

    public Guid Key { get; private set; }

    public string UserId { get; private set; }

    /// <summary>Where the first post was sent after saving (a local URL).</summary>
    public string ResultUrl { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
