namespace KyodoPortal.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response (ASVS 14.4). The CSP allows no inline script or style:
/// views use only files under wwwroot. Downloads are marked not to be cached.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Downloads (attachments, CSV/xlsx/.doc exports) are people's and the city's records:
            // no shared proxy or browser cache keeps a copy (ASVS 8.2.1).
            if (headers.ContentDisposition.Count > 0 && headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "private, no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
