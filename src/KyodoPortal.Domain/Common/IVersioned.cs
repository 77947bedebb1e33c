namespace KyodoPortal.Domain.Common;

/// <summary>
/// An entity two people can edit at once. The data layer bumps <see cref="Version"/> on every
/// update and refuses a save made against an older version (optimistic concurrency), so the
/// second editor is told instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
