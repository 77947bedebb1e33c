using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Errors;

/// <summary>Friendly error pages; never a stack trace (the exception is in the log with the request id).</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError() => ErrorPage(StatusCodes.Status500InternalServerError);

    [Route("/error/{code:int}")]
    public IActionResult Status(int code) => ErrorPage(code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError);

    private ViewResult ErrorPage(int code)
    {
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorViewModel(int StatusCode, string RequestId);
