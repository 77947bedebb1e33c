using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Binding;

/// <summary>
/// MVC's own model-binding messages ("The value 'x' is not valid for 金額.") in the person's language:
/// the localizer is asked at the time of the request, so each reads in the culture of that request.
/// </summary>
public sealed class ModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var localizer = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["{0}に入力された「{1}」は正しい形式ではありません。", field, value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["入力された「{0}」は正しい形式ではありません。", value]);
        messages.SetValueIsInvalidAccessor(value => localizer["入力された「{0}」は正しい形式ではありません。", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => localizer["{0}の値が正しい形式ではありません。", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["値が正しい形式ではありません。"]);
        messages.SetValueMustBeANumberAccessor(field => localizer["{0}には数を入力してください。", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["数を入力してください。"]);
        messages.SetValueMustNotBeNullAccessor(_ => localizer["値を入力してください。"]);
        messages.SetMissingBindRequiredValueAccessor(field => localizer["{0}を入力してください。", field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["値を入力してください。"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["送信された内容が空です。"]);
    }
}
