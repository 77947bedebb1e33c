namespace KyodoPortal.Domain.Common;

/// <summary>A request that breaks a domain rule; the message is safe to show to the user.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
