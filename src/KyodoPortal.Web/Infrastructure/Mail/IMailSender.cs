namespace KyodoPortal.Web.Infrastructure.Mail;

/// <summary>An e-mail the portal sends (decision notices, reminders). Plain text: municipal mail clients vary.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string Body);

public interface IMailSender
{
    /// <summary>
    /// Delivers <paramref name="mail"/> or throws. A mail the relay did not take is first kept in the
    /// undelivered folder (<see cref="MailNotDeliveredException.SavedAt"/>), so callers only need to warn the user.
    /// </summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>The relay did not take the mail; an operator can resend the .eml file at <see cref="SavedAt"/>.</summary>
public sealed class MailNotDeliveredException : Exception
{
    public MailNotDeliveredException()
    {
    }

    public MailNotDeliveredException(string message)
        : base(message)
    {
    }

    public MailNotDeliveredException(string savedAt, Exception innerException)
        : base($"The mail was not delivered; it was saved to {savedAt}.", innerException)
    {
        SavedAt = savedAt;
    }

    public string? SavedAt { get; }
}
