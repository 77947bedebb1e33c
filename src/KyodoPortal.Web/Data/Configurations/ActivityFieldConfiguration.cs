using KyodoPortal.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoPortal.Web.Data.Configurations;

internal sealed class ActivityFieldConfiguration : IEntityTypeConfiguration<ActivityField>
{
    /// <summary>The starting list of 活動分野 (a city adjusts it later); ids are fixed for HasData.</summary>
    private static readonly string[] InitialFields =
    [
        "子育て", "教育", "高齢者福祉", "障害者福祉", "就労支援", "健康・医療", "環境", "まちづくり",
        "防災・防犯", "国際交流", "文化・芸術", "スポーツ", "観光・地域振興", "人権・男女共同参画", "その他",
    ];

    public void Configure(EntityTypeBuilder<ActivityField> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(ActivityField.NameMaxLength);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.HasData(InitialFields.Select((name, i) => new { Id = i + 1, Name = name, SortOrder = (i + 1) * 10 }));
    }
}

/// <summary>Field tags live in one table per owner (CitizenGroupFields, ThemeFields).</summary>
internal static class FieldTagMapping
{
    public static void MapFieldTags<TOwner>(this EntityTypeBuilder<TOwner> builder, string navigation, string table)
        where TOwner : class =>
        builder.OwnsMany<FieldTag>(navigation, tags =>
        {
            tags.ToTable(table);
            tags.WithOwner().HasForeignKey("OwnerId");
            tags.HasKey(t => t.Id);
            tags.HasOne<ActivityField>().WithMany().HasForeignKey(t => t.ActivityFieldId).OnDelete(DeleteBehavior.Restrict);
            tags.HasIndex("OwnerId", nameof(FieldTag.ActivityFieldId)).IsUnique();
        });
}
