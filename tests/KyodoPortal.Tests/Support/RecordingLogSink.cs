using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// Keeps every message the app logged through Serilog (the app reads sinks registered as services:
/// <c>ReadFrom.Services</c>), so a test can assert what an operator would read in the log. Each app
/// logs through its own logger (not the static <c>Log.Logger</c>), so classes run in parallel.
/// </summary>
public sealed class RecordingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string Message)> _events = new();

    public IReadOnlyList<(LogEventLevel Level, string Message)> Events => [.. _events];

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _events.Enqueue((logEvent.Level, logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
