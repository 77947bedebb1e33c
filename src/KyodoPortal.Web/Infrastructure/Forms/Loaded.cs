using KyodoPortal.Domain.Common;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// What a loader gives a request: the record(s) it acts on, already checked for this user, or why
/// not — 404 (not there, or not for this user to know about), 403 (known, not theirs to change), or
/// back to a page with the reason (e.g. a closed project's form).
/// </summary>
/// <remarks>A loader returns the record or a <see cref="LoadRefusal"/>; both convert implicitly.</remarks>
public sealed class Loaded<T>
    where T : class
{
    private Loaded(T? value, LoadRefusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The record; null exactly when <see cref="Refusal"/> is set.</summary>
    public T? Value { get; }

    public LoadRefusal? Refusal { get; }

    public static implicit operator Loaded<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Loaded<T>(LoadRefusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}

public enum LoadRefusalKind
{
    NotFound,
    Forbidden,
    Redirect,
}

/// <summary>Why a loader gave no record; see <see cref="Loaded{T}"/>.</summary>
public sealed record LoadRefusal(LoadRefusalKind Kind, string? RedirectUrl = null, UserMessage? Reason = null)
{
    public static LoadRefusal NotFound { get; } = new(LoadRefusalKind.NotFound);

    public static LoadRefusal Forbidden { get; } = new(LoadRefusalKind.Forbidden);

    /// <summary>Back to <paramref name="url"/>, with <paramref name="reason"/> as an error message there.</summary>
    public static LoadRefusal Redirect(string url, UserMessage reason) => new(LoadRefusalKind.Redirect, url, reason);

    /// <summary>Back to <paramref name="url"/> without a message: there is nothing to do (e.g. already started).</summary>
    public static LoadRefusal Redirect(string url) => new(LoadRefusalKind.Redirect, url);
}
