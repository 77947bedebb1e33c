using System.Globalization;
using KyodoPortal.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KyodoPortal.Web.Infrastructure.Caching;

/// <summary>
/// Output cache for the public pages (themes, calls and their results, the group directory, the
/// case library, published minutes, survey results, the guideline) as the public sees them. A page
/// is kept per URL with its query, per language and per Japan date (a call's state follows the date), for
/// <c>Performance:PublicPageCacheSeconds</c> (60; 0 turns the cache off), and dropped as soon as
/// anything is saved in this instance (<see cref="PublicPageCacheEviction"/>). Signed-in requests are
/// never served from it nor stored in it (the framework's default policy), nor is a response that
/// sets a cookie, nor a request that carries a flash message still to be shown.
/// With several instances each keeps its own cache: another instance shows a change after at most
/// the configured seconds (docs/operations.md).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "PublicPage";
    public const string Tag = "public";

    /// <summary>The TempData cookie: a flash message waits for the next page, which must be rendered for this visitor.</summary>
    private static readonly string FlashCookie = Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider.CookieName;

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Performance:PublicPageCacheSeconds", 60);
        services.AddOutputCache(options => options.AddPolicy(Policy, builder =>
        {
            if (seconds <= 0)
            {
                builder.NoCache();
                return;
            }

            builder.Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag).AddPolicy<VaryByVisitorView>();
        }));
        services.AddSingleton<IInterceptor, PublicPageCacheEviction>();
        return services;
    }

    /// <summary>What, besides the URL, makes two anonymous visitors see different pages.</summary>
    private sealed class VaryByVisitorView : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            if (http.Request.Cookies.ContainsKey(FlashCookie))
            {
                context.EnableOutputCaching = false;
                return ValueTask.CompletedTask;
            }

            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["day"] = http.RequestServices.GetRequiredService<TimeProvider>().JapanToday().ToString("O", CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Drops every cached public page when this instance saves anything: writes are rare next to public
/// reads, so "anything changed" is simpler than knowing which pages show which rows and never wrong.
/// After an explicit transaction it waits for the commit (a page rendered before the commit must not
/// outlive it).
/// </summary>
public sealed class PublicPageCacheEviction(IOutputCacheStore store) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None).AsTask();

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
