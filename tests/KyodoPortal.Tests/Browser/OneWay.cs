using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>The confirmation box of a one-way action (issue 13 item 6), ticked the way a person does: by its label, inside the form.</summary>
internal static class OneWay
{
    public const string Label = "この操作は取り消せないことを確認しました";

    public const string Missing = "取り消せない操作です。「この操作は取り消せないことを確認しました」にチェックを入れてから、もう一度操作してください。";

    public static Task TickAsync(IPage page, string formSelector) =>
        page.Locator(formSelector).GetByLabel(Label).CheckAsync();
}
