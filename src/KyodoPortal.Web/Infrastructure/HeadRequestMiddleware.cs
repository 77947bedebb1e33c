using Microsoft.AspNetCore.Http.Features;

namespace KyodoPortal.Web.Infrastructure;

/// <summary>
/// HEAD answers exactly as GET would, without the body (RFC 9110 §9.3.2). Uptime monitors and link
/// checkers send HEAD; the controllers' [HttpGet] routes would otherwise answer 405. The request runs
/// as a GET (same authorization, same status and headers) with the response body thrown away.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }
}
