using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// Deletes the <see cref="FormSubmission"/> markers older than <see cref="RetentionDays"/>: a marker only
/// matters while the same form page can still be posted again (a double click, a retry, a tab left open
/// and submitted later), and a month covers the last. Every few hours in each instance; with several
/// instances the same idempotent DELETE simply runs more often.
/// </summary>
public sealed partial class FormSubmissionPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FormSubmissionPurge> logger) : BackgroundService
{
    public const int RetentionDays = 30;

    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>One pass: the number of markers deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        return await db.FormSubmissions.Where(s => s.CreatedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                try
                {
                    var deleted = await PurgeAsync(stoppingToken);
                    if (deleted > 0)
                    {
                        LogPurged(logger, deleted, RetentionDays);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be away for a while; the next pass tries again.
                    LogFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} form submission markers older than {Days} days.")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Old form submission markers could not be deleted; trying again later.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
