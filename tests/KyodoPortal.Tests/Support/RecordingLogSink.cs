using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// Keeps every message the app logged through Serilog (the app reads sinks registered as services:
/// <c>ReadFrom.Services</c>), so a test can assert what an operator would read in the log. A class
/// that asserts on it belongs to <see cref="LogAssertions"/>: <c>AddSerilog</c> sets the static
/// <c>Log.Logger</c>, which every app in the test process writes through, so while another class's
/// app starts in parallel the lines can land in that app's sinks.
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

/// <summary>Test classes that assert on log lines run alone (see <see cref="RecordingLogSink"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogAssertions
{
    public const string Name = "Log assertions";
}
