using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Organizations;

/// <summary>担当課: a city department that partners in collaboration projects.</summary>
public sealed class Department : IVersioned
{
    public const int NameMaxLength = 100;
    public const int DivisionMaxLength = 100;
    public const int ContactMaxLength = 200;

    // For EF Core materialization.
    private Department()
    {
        Name = string.Empty;
    }

    public Department(string name, string? division, string? contactEmail, string? contactPhone)
    {
        Name = string.Empty;
        Update(name, division, contactEmail, contactPhone, isActive: true);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>部局: the bureau the department belongs to (e.g. 市民生活部).</summary>
    public string? Division { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>Departments are reorganised, not deleted: past projects keep their partner.</summary>
    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public void Update(string name, string? division, string? contactEmail, string? contactPhone, bool isActive)
    {
        Name = Text.Required(name, NameMaxLength, nameof(name));
        Division = Text.Optional(division, DivisionMaxLength, nameof(division));
        ContactEmail = Text.Optional(contactEmail, ContactMaxLength, nameof(contactEmail));
        ContactPhone = Text.Optional(contactPhone, ContactMaxLength, nameof(contactPhone));
        IsActive = isActive;
    }
}
