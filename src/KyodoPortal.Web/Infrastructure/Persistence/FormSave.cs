using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Persistence;

/// <summary>
/// Saves a form's changes and turns the two expected database refusals into messages on the
/// form instead of a 500: a unique name taken by someone else, and an edit made against an
/// older version (optimistic concurrency).
/// </summary>
public static class FormSave
{
    /// <summary>What a form says when someone else saved the same thing first.</summary>
    public const string ConcurrencyMessage = Forms.FormCommands.ConcurrencyMessage;

    public static async Task<bool> TrySaveAsync(
        this KyodoDbContext db,
        ModelStateDictionary modelState,
        IStringLocalizer localizer,
        string uniqueField,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(string.Empty, localizer[ConcurrencyMessage]);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            modelState.AddModelError(uniqueField, localizer["同じ名称が既に登録されています。"]);
        }

        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>
    /// Applies a change to an aggregate several people change at the same time (declarations on a
    /// committee panel or evaluation round share its one version) and saves it. When someone else
    /// saved first, <paramref name="apply"/> runs once more with <c>true</c> (reload, then apply)
    /// so neither change is lost. A domain rule, or a second clash, becomes a message on the form.
    /// </summary>
    /// <param name="apply">Applies the change to the tracked aggregate; with <c>true</c>, reloads it first.</param>
    public static async Task<bool> TryApplyWithOneRetryAsync(
        this KyodoDbContext db,
        ModelStateDictionary modelState,
        IStringLocalizer localizer,
        Func<bool, Task> apply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await apply(attempt > 0);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DomainRuleException exception)
            {
                modelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                modelState.AddModelError(string.Empty, localizer[ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Makes the next save fail if the row changed since the form was opened.</summary>
    public static void ExpectVersion<T>(this KyodoDbContext db, T entity, int version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
}
