namespace KyodoPortal.Tests.Support;

/// <summary>A clock a test sets (e.g. to the day after a report deadline); see <see cref="KyodoWebFactory.WithClock"/>.</summary>
public sealed class AdjustableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
