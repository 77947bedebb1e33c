using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Organizations;

/// <summary>市民活動団体: a citizen group that proposes and runs collaboration projects.</summary>
public sealed class CitizenGroup : IVersioned
{
    public const int NameMaxLength = 150;
    public const int KanaMaxLength = 150;
    public const int RepresentativeMaxLength = 100;
    public const int AreaMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int SkillsMaxLength = 1000;
    public const int ContactMaxLength = 200;

    private readonly List<FieldTag> _fields = [];

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

    /// <summary>設立年.</summary>
    public int? FoundedYear { get; private set; }

    public int? MemberCount { get; private set; }

    /// <summary>活動内容: what the group does, for the directory.</summary>
    public string? Description { get; private set; }

    /// <summary>提供できること: skills and resources the group can offer a partner.</summary>
    public string? Skills { get; private set; }

    public string? Website { get; private set; }

    /// <summary>公開連絡先 (e-mail) shown in the public directory.</summary>
    public string? PublicEmail { get; private set; }

    public string? PublicPhone { get; private set; }

    /// <summary>Only published profiles appear in the public directory and in theme matching.</summary>
    public bool IsPublished { get; private set; }

    /// <summary>活動分野.</summary>
    public IReadOnlyList<FieldTag> Fields => _fields;

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

    /// <summary>The directory profile, kept by the group's own members (and coordinators).</summary>
    public void UpdateProfile(GroupProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.FoundedYear is < 1800 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile.FoundedYear, "Founded year out of range.");
        }

        if (profile.MemberCount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile.MemberCount, "Member count cannot be negative.");
        }

        FoundedYear = profile.FoundedYear;
        MemberCount = profile.MemberCount;
        Description = Text.Optional(profile.Description, DescriptionMaxLength, nameof(profile.Description));
        Skills = Text.Optional(profile.Skills, SkillsMaxLength, nameof(profile.Skills));
        Website = Text.Optional(profile.Website, ContactMaxLength, nameof(profile.Website));
        PublicEmail = Text.Optional(profile.PublicEmail, ContactMaxLength, nameof(profile.PublicEmail));
        PublicPhone = Text.Optional(profile.PublicPhone, ContactMaxLength, nameof(profile.PublicPhone));
        IsPublished = profile.IsPublished;
        FieldTag.Replace(_fields, profile.FieldIds);
    }
}

/// <summary>The directory part of a group's record, as its members edit it.</summary>
public sealed record GroupProfile(
    int? FoundedYear,
    int? MemberCount,
    string? Description,
    string? Skills,
    string? Website,
    string? PublicEmail,
    string? PublicPhone,
    bool IsPublished,
    IReadOnlyCollection<int> FieldIds);
