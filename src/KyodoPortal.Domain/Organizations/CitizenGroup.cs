using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Organizations;

/// <summary>市民活動団体: a citizen group that proposes and runs collaboration projects.</summary>
public sealed class CitizenGroup : IVersioned
{
    public const int NameMaxLength = 150;
    public const int KanaMaxLength = 150;
    public const int RepresentativeMaxLength = 100;
    public const int AreaMaxLength = 100;

    // For EF Core materialization.
    private CitizenGroup()
    {
        Name = string.Empty;
    }

    public CitizenGroup(string name, string? nameKana, LegalForm legalForm, string? representative, string? area)
    {
        Name = string.Empty;
        Update(name, nameKana, legalForm, representative, area, isActive: true);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>ふりがな, so a directory can be sorted and searched the way Japanese readers expect.</summary>
    public string? NameKana { get; private set; }

    public LegalForm LegalForm { get; private set; }

    /// <summary>代表者名.</summary>
    public string? Representative { get; private set; }

    /// <summary>活動地域, e.g. 鎌倉地域 or 市内全域.</summary>
    public string? Area { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public void Update(string name, string? nameKana, LegalForm legalForm, string? representative, string? area, bool isActive)
    {
        if (!Enum.IsDefined(legalForm))
        {
            throw new ArgumentOutOfRangeException(nameof(legalForm), legalForm, "Unknown legal form.");
        }

        Name = Text.Required(name, NameMaxLength, nameof(name));
        NameKana = Text.Optional(nameKana, KanaMaxLength, nameof(nameKana));
        LegalForm = legalForm;
        Representative = Text.Optional(representative, RepresentativeMaxLength, nameof(representative));
        Area = Text.Optional(area, AreaMaxLength, nameof(area));
        IsActive = isActive;
    }
}
