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
            modelState.AddModelError(string.Empty, localizer["他の人が先に更新しました。画面を開き直してから、もう一度操作してください。"]);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            modelState.AddModelError(uniqueField, localizer["同じ名称が既に登録されています。"]);
        }

        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>Makes the next save fail if the row changed since the form was opened.</summary>
    public static void ExpectVersion<T>(this KyodoDbContext db, T entity, int version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
}
