using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Features.Errors;

/// <summary>
/// Friendly error pages; never a stack trace (the exception is in the log with the request id).
/// The status-code page re-executes a refused POST as a POST: without its antiforgery token, so it
/// must not be validated here (else the page itself answers an empty 400).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(IStringLocalizer<SharedResource> localizer, IOptions<AttachmentPolicy> attachments) : Controller
{
    [Route("/error")]
    public IActionResult ServerError() => ErrorPage(StatusCodes.Status500InternalServerError);

    [Route("/error/{code:int}")]
    public IActionResult Status(int code) => ErrorPage(code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError);

    private ViewResult ErrorPage(int code)
    {
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier, RefusalMessage()));
    }

    /// <summary>Why the request was refused before any page ran, when the app knows (<see cref="RequestRefusalFilter"/>).</summary>
    private string? RefusalMessage() => HttpContext.Features.Get<RequestRefusalFeature>()?.Reason switch
    {
        RequestRefusal.FormExpired => localizer["フォームの有効期限が切れたか、正しく送信されませんでした。画面を開き直してから、もう一度操作してください。"].Value,
        RequestRefusal.TooLarge => localizer[AttachmentMessages.TooLarge, FileSize.Format(attachments.Value.MaxBytes)].Value,
        RequestRefusal.TooManyAnswers => localizer["短い時間にこのネットワークから多くの回答が送信されたため、回答の受付を一時的に止めています。この回答は保存されていません。しばらく待ってから、もう一度送信してください。"].Value,
        RequestRefusal.Unreadable => localizer["送信された内容を読み取れませんでした。画面を開き直してから、もう一度操作してください。"].Value,
        _ => null,
    };
}

public sealed record ErrorViewModel(int StatusCode, string RequestId, string? Detail = null);
