using KyodoPortal.Domain.Common;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>Who is acting, and when (UTC, from the app's <see cref="TimeProvider"/>).</summary>
public sealed record Actor(string UserId, DateTime Now)
{
    /// <summary>Today in Japan.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Formatting.JapanTime.FromUtc(Now));
}

/// <summary>
/// One state-changing request, described for <see cref="FormCommands.RunAsync{T}"/>: how to load
/// and authorize what it acts on, the domain call, what to say and where to go afterwards, and how
/// to show the form again when the change is refused.
/// </summary>
/// <typeparam name="T">What the loader returns (an entity, or a context record such as the minutes' one).</typeparam>
public sealed class FormCommand<T>
    where T : class
{
    /// <summary>Loads what the command acts on (tracked) and checks the user may act: the record, or 404 / 403 / back with a reason.</summary>
    public required Func<CancellationToken, Task<Loaded<T>>> Load { get; init; }

    /// <summary>
    /// The domain call. Throws <see cref="DomainRuleException"/> to refuse (or adds reasons to the
    /// form's fields in ModelState: nothing is saved then either). Set this or <see cref="ApplyAsync"/>.
    /// </summary>
    public Action<T, Actor>? Apply { get; init; }

    /// <summary>The domain call when it has to read more first. Set this or <see cref="Apply"/>.</summary>
    public Func<T, Actor, CancellationToken, Task>? ApplyAsync { get; init; }

    /// <summary>The record whose version the form carried (optimistic concurrency); null when the form carries none.</summary>
    public Func<T, IVersioned?>? Versioned { get; init; }

    /// <summary>
    /// The version the form carried, checked against <see cref="Versioned"/>. A form whose first save
    /// creates the record (a score sheet, an evaluation sheet, a self-evaluation) carries
    /// <see cref="FormCommands.NotYetCreated"/>: if the record exists when it is posted, another tab's first save
    /// came first, and this save is refused as a conflict instead of overwriting it.
    /// </summary>
    public int Version { get; init; }

    /// <summary>
    /// For aggregates several people change at once without a form version (declarations on a
    /// shared panel): when someone saved first, load and apply once more so neither change is lost.
    /// </summary>
    public bool RetryOnConflict { get; init; }

    /// <summary>
    /// A one-way action (close, decide, sign, publish for good): refused with a field error on
    /// <see cref="Confirmation.FieldName"/>, nothing saved, unless the form's box was ticked.
    /// </summary>
    public bool RequiresConfirmation { get; init; }

    /// <summary>
    /// A creating form (it renders the partial <c>_FormOnce</c>): a second post of the same form — a
    /// double click, a retried request — creates nothing and is answered with the first one's result.
    /// </summary>
    public bool Once { get; init; }

    /// <summary>The success message (a flash on the next page).</summary>
    public required Func<T, UserMessage> Done { get; init; }

    /// <summary>Where to go after the change (post/redirect/get).</summary>
    public required Func<T, string> RedirectTo { get; init; }

    /// <summary>
    /// Renders the form again with the person's input and the reasons (already in ModelState; the
    /// change tracker has been cleared, so read fresh data). Null: the reasons go to the page at
    /// <see cref="RedirectOnRefusal"/> (or <see cref="RedirectTo"/>) as an error message.
    /// </summary>
    public Func<T, CancellationToken, Task<Microsoft.AspNetCore.Mvc.IActionResult>>? ShowAgain { get; init; }

    /// <summary>Where a refusal goes when there is no form to show again; defaults to <see cref="RedirectTo"/>.</summary>
    public Func<T, string>? RedirectOnRefusal { get; init; }

    /// <summary>The field a unique-index violation is reported on ("" = the form's summary).</summary>
    public string UniqueField { get; init; } = string.Empty;

    /// <summary>What a unique-index violation means for this form.</summary>
    public UserMessage UniqueMessage { get; init; } = FormCommands.DuplicateNameMessage;

    /// <summary>
    /// Work after the commit (notice mails). It may return a warning; if it throws, the failure is
    /// logged and <see cref="AfterCommitFailed"/> is shown as a warning. The change stays either way.
    /// </summary>
    public Func<T, CancellationToken, Task<UserMessage?>>? AfterCommit { get; init; }

    public UserMessage AfterCommitFailed { get; init; } = FormCommands.NoticeFailedMessage;
}

/// <summary>The loader's value for commands that create something from nothing (a new department).</summary>
public sealed class NoRecord
{
    public static readonly NoRecord Instance = new();

    private NoRecord()
    {
    }

    public static Task<Loaded<NoRecord>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<Loaded<NoRecord>>(Instance);
}
