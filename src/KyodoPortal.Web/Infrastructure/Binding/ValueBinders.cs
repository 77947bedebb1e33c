using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Binding;

/// <summary>
/// The binders for the values people type: numbers (<see cref="NumberInput"/>) and dates (within
/// <see cref="DateInput"/>'s range), each refusing with a message in the person's language next to
/// the field, the input kept. Registered first, so every form and query parameter goes through them.
/// </summary>
public sealed class ValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
        {
            return new NumberBinder(type);
        }

        if (type == typeof(DateOnly) || type == typeof(DateTime))
        {
            var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
            return new DateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
        }

        return null;
    }
}

internal sealed class NumberBinder(Type type) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? string.Empty));
            }

            return Task.CompletedTask;
        }

        var problem = NumberInput.TryParse(text, type, out var value);
        if (problem == NumberProblem.None)
        {
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var field = bindingContext.ModelMetadata.GetDisplayName();
        var message = problem switch
        {
            NumberProblem.NotWhole => localizer["{0}は小数点のない数で入力してください（入力：{1}）。", field, text],
            NumberProblem.TooLarge => localizer["{0}の値「{1}」は大きすぎます。", field, text],
            _ => localizer["{0}には数を入力してください。「{1}」は数として読み取れません（例：120000、120,000、１２０，０００）。", field, text],
        };
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message.Value);
        return Task.CompletedTask;
    }
}

internal sealed class DateBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        var date = bindingContext.Result.Model switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => (DateOnly?)null,
        };
        if (date is not { } value || DateInput.Contains(value))
        {
            return;
        }

        var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            localizer["{0}は{1}から{2}までの日付を入力してください。", bindingContext.ModelMetadata.GetDisplayName(), DateInput.Earliest, DateInput.Latest].Value);
        bindingContext.Result = ModelBindingResult.Failed();
    }
}

/// <summary>
/// The dates a form takes: from 1900 (older records are not this portal's) to 2100. Far outside
/// would break fiscal-year and wareki arithmetic (9999-12-31 has no next fiscal year) long before it
/// meant anything; the domain checks the real limits (a date within the project's term…).
/// </summary>
public static class DateInput
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
