namespace KyodoPortal.Domain.Common;

/// <summary>
/// A request that breaks a domain rule. <see cref="Refusal"/> is safe to show to the user; the web
/// layer translates its template and formats its arguments (see <see cref="UserMessage"/>).
/// <see cref="Exception.Message"/> is the Japanese sentence, for logs and tests.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string template, params object?[] arguments)
        : this(new UserMessage(template, arguments))
    {
    }

    public DomainRuleException(UserMessage refusal)
        : base(refusal?.ToString())
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Refusal = refusal;
    }

    public UserMessage Refusal { get; }
}
