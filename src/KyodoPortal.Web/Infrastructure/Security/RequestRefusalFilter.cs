using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KyodoPortal.Web.Infrastructure.Security;

/// <summary>Why a request was refused before any action ran; the error page explains it.</summary>
public enum RequestRefusal
{
    /// <summary>The antiforgery token was missing or did not match (an old tab, a forged post).</summary>
    FormExpired,

    /// <summary>The body was over the request limit (an attachment over the upload limit).</summary>
    TooLarge,

    /// <summary>The form could not be read: too many fields, a broken multipart body.</summary>
    Unreadable,

    /// <summary>A link survey's answers from one address went over the rate limit (nothing was saved).</summary>
    TooManyAnswers,
}

/// <summary>Carries the <see cref="RequestRefusal"/> to the re-executed error page.</summary>
public sealed record RequestRefusalFeature(RequestRefusal Reason);

/// <summary>
/// Reads a posted form before antiforgery validation does, so that a body the app cannot take is
/// told apart from a missing token: antiforgery turns both into the same bare 400. The limits of
/// [RequestSizeLimit] / [RequestFormLimits] (order 900) apply first; antiforgery (1000) comes after.
/// The status stays 400 (413 for a body over the limit); the status-code page shows why.
/// </summary>
public sealed class RequestRefusalFilter : IAsyncAuthorizationFilter, IAlwaysRunResultFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(context, RequestRefusal.TooLarge);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A multipart section over MultipartBodyLengthLimit is an InvalidDataException too; a
            // request longer than the endpoint's limit is an upload that was too large.
            Refuse(context, http.Request.ContentLength > RequestLimit(http) ? RequestRefusal.TooLarge : RequestRefusal.Unreadable);
        }
    }

    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is IAntiforgeryValidationFailedResult && context.HttpContext.Features.Get<RequestRefusalFeature>() is null)
        {
            context.HttpContext.Features.Set(new RequestRefusalFeature(RequestRefusal.FormExpired));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static void Refuse(AuthorizationFilterContext context, RequestRefusal reason)
    {
        // The failed read is cached and would throw again in the error page's model binding.
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.HttpContext.Features.Set(new RequestRefusalFeature(reason));
        context.Result = new StatusCodeResult(reason == RequestRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
    }

    private static long RequestLimit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
        ?? long.MaxValue;
}
