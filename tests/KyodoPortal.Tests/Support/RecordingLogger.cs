using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KyodoPortal.Tests.Support;

public sealed record LoggedEntry(LogLevel Level, string Message, Exception? Exception);

/// <summary>Keeps what a component logged, so a test can assert what an operator would read.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue(new LoggedEntry(logLevel, formatter(state, exception), exception));
    }
}
