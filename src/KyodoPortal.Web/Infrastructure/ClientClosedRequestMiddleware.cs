using Microsoft.AspNetCore.Diagnostics;

namespace KyodoPortal.Web.Infrastructure;

/// <summary>
/// A request whose client went away (a closed tab, a load tester stopping, a proxy timing out) is
/// cancelled through <see cref="HttpContext.RequestAborted"/>: the query it was waiting on throws
/// <see cref="OperationCanceledException"/>. That is not a server error. Without this the request
/// log wrote it as "responded 500" at Error with a stack trace, and the error page was rendered for
/// nobody. Here it ends as 499 (client closed request), logged at Information like any other answer.
/// Placed just inside the request logging so the log line carries the 499.
/// </summary>
public sealed class ClientClosedRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }

            // Nobody reads the status page of a request whose client is gone.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
    }
}
