using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// The one path of a state-changing request (decision 0007): load and authorize → the domain call
/// → save with the version the form carried → on a refusal or conflict, the form again with the
/// reason → on success, post-commit work (a failure becomes a warning), the success message and
/// the redirect. Controllers describe a <see cref="FormCommand{T}"/>; this class runs it.
/// </summary>
public sealed partial class FormCommands(
    KyodoDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    ILogger<FormCommands> logger)
{
    /// <summary>What a form says when someone else saved the same thing first.</summary>
    public const string ConcurrencyMessage = "他の人が先に更新しました。画面を開き直してから、もう一度操作してください。";

    /// <summary>
    /// The version a form carries for a record its first save creates (no stored record has it): if
    /// the record exists by the time the form is posted, the update matches no row and the save is
    /// refused as a conflict, like any stale form.
    /// </summary>
    public const int NotYetCreated = -1;

    public const string DuplicateNameMessage = "同じ名称が既に登録されています。";

    public const string AlreadySentMessage = "この内容は既に送信され、登録されています。二重に登録しないよう、最初の送信の結果を表示しています。";

    public const string NoticeFailedMessage = "操作は記録しましたが、通知メールを送信できませんでした。相手に別の方法でお知らせください。";

    /// <summary>A GET page over the same loader: the page, or 404 / 403 / back with the reason.</summary>
    public async Task<IActionResult> ShowAsync<T>(Controller controller, Task<Loaded<T>> load, Func<T, Task<IActionResult>> page)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(page);
        var loaded = await load;
        return loaded.Value is { } value ? await page(value) : Refused(controller, loaded.Refusal!);
    }

    /// <summary>What a loader's refusal answers: 404, 403, or a redirect with the reason.</summary>
    public IActionResult Refused(Controller controller, LoadRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(refusal);
        switch (refusal.Kind)
        {
            case LoadRefusalKind.Forbidden:
                return controller.Forbid();
            case LoadRefusalKind.Redirect:
                if (refusal.Reason is { } reason)
                {
                    controller.TempData.Error(localizer.Localize(reason));
                }

                return controller.LocalRedirect(refusal.RedirectUrl!);
            default:
                return controller.NotFound();
        }
    }

    public async Task<IActionResult> RunAsync<T>(Controller controller, FormCommand<T> command, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(command);
        if ((command.Apply is null) == (command.ApplyAsync is null))
        {
            throw new InvalidOperationException("A form command needs exactly one of Apply and ApplyAsync.");
        }

        var modelState = controller.ModelState;
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await command.Load(cancellationToken);
            if (loaded.Value is not { } value)
            {
                return Refused(controller, loaded.Refusal!);
            }

            var once = command.Once ? FormOnce.KeyOf(controller.Request) : null;
            if (once is { } sentKey && await EarlierResultAsync(sentKey, controller, cancellationToken) is { } earlier)
            {
                return AlreadySent(controller, earlier);
            }

            // After the loader, so 404/403 still come first; before the domain call, so nothing changes.
            if (command.RequiresConfirmation && attempt == 0 && !Confirmation.IsGiven(controller.Request))
            {
                modelState.AddModelError(Confirmation.FieldName, localizer[Confirmation.Missing]);
            }

            if (!modelState.IsValid)
            {
                return await ShowRefusalAsync(controller, command, value, cancellationToken);
            }

            try
            {
                if (command.Versioned?.Invoke(value) is { } versioned)
                {
                    db.Entry(versioned).Property(nameof(IVersioned.Version)).OriginalValue = command.Version;
                }

                var actor = new Actor(controller.User.UserId(), clock.UtcNow());
                if (command.Apply is { } apply)
                {
                    apply(value, actor);
                }
                else
                {
                    await command.ApplyAsync!(value, actor, cancellationToken);
                }

                // Apply may also refuse with reasons on the form's own fields (ModelState), e.g. a
                // budget year that does not balance, instead of one reason for the whole form.
                if (!modelState.IsValid)
                {
                    return await ShowRefusalAsync(controller, command, value, cancellationToken);
                }

                if (once is { } key)
                {
                    await SaveOnceAsync(key, command, value, actor, cancellationToken);
                }
                else
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DomainRuleException refusal)
            {
                foreach (var reason in refusal.Reasons)
                {
                    modelState.AddModelError(string.Empty, localizer.Localize(reason));
                }

                return await ShowRefusalAsync(controller, command, value, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (command.RetryOnConflict && attempt == 0)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                modelState.AddModelError(string.Empty, localizer[ConcurrencyMessage]);
                return await ShowRefusalAsync(controller, command, value, cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                // The same form posted twice at the same moment: the other post saved it.
                if (once is { } key)
                {
                    db.ChangeTracker.Clear();
                    if (await EarlierResultAsync(key, controller, cancellationToken) is { } firstResult)
                    {
                        return AlreadySent(controller, firstResult);
                    }
                }

                modelState.AddModelError(command.UniqueField, localizer.Localize(command.UniqueMessage));
                return await ShowRefusalAsync(controller, command, value, cancellationToken);
            }

            var warning = await AfterCommitAsync(command, value, cancellationToken);
            controller.TempData.Success(localizer.Localize(command.Done(value)));
            if (warning is not null)
            {
                controller.TempData.Warning(localizer.Localize(warning));
            }

            return controller.LocalRedirect(command.RedirectTo(value));
        }
    }

    /// <summary>Saves the change and the form's key in one transaction: both or neither.</summary>
    private async Task SaveOnceAsync<T>(Guid key, FormCommand<T> command, T value, Actor actor, CancellationToken cancellationToken)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new FormSubmission(key, actor.UserId, command.RedirectTo(value), actor.Now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<string?> EarlierResultAsync(Guid key, Controller controller, CancellationToken cancellationToken)
    {
        var userId = controller.User.UserId();
        return db.Set<FormSubmission>().AsNoTracking()
            .Where(s => s.Key == key && s.UserId == userId)
            .Select(s => s.ResultUrl)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private LocalRedirectResult AlreadySent(Controller controller, string resultUrl)
    {
        controller.TempData.Success(localizer[AlreadySentMessage]);
        return controller.LocalRedirect(resultUrl);
    }

    private async Task<IActionResult> ShowRefusalAsync<T>(Controller controller, FormCommand<T> command, T value, CancellationToken cancellationToken)
        where T : class
    {
        db.ChangeTracker.Clear();
        if (command.ShowAgain is { } showAgain)
        {
            return await showAgain(value, cancellationToken);
        }

        var reasons = controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal);
        controller.TempData.Error(string.Join('\n', reasons));
        return controller.LocalRedirect((command.RedirectOnRefusal ?? command.RedirectTo)(value));
    }

    private async Task<UserMessage?> AfterCommitAsync<T>(FormCommand<T> command, T value, CancellationToken cancellationToken)
        where T : class
    {
        if (command.AfterCommit is not { } afterCommit)
        {
            return null;
        }

        try
        {
            return await afterCommit(value, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAfterCommitFailed(logger, exception, typeof(T).Name);
            return command.AfterCommitFailed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The change was saved, but the work after it ({Subject}) failed.")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception, string subject);
}
