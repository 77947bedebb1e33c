namespace KyodoPortal.Domain.Common;

/// <summary>
/// A request that breaks a domain rule. <see cref="Reasons"/> (one or more) are safe to show to the
/// user; the web layer translates each template and formats its arguments (see
/// <see cref="UserMessage"/>) and shows each reason on its own line. <see cref="Exception.Message"/>
/// is the Japanese text, one reason per line, for logs and tests.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string template, params object?[] arguments)
        : this(new UserMessage(template, arguments))
    {
    }

    public DomainRuleException(UserMessage refusal)
        : this([refusal ?? throw new ArgumentNullException(nameof(refusal))])
    {
    }

    /// <summary>Several reasons at once, e.g. everything still missing from a proposal.</summary>
    public DomainRuleException(IReadOnlyList<UserMessage> reasons)
        : base(string.Join('\n', reasons ?? throw new ArgumentNullException(nameof(reasons))))
    {
        if (reasons.Count == 0)
        {
            throw new ArgumentException("A refusal needs at least one reason.", nameof(reasons));
        }

        Reasons = reasons;
    }

    public IReadOnlyList<UserMessage> Reasons { get; }

    /// <summary>The reasons as one message (one per line).</summary>
    public UserMessage Refusal => Reasons.Count == 1 ? Reasons[0] : UserMessage.Join("\n", Reasons);
}
