namespace KyodoPortal.Domain.Projects;

/// <summary>The text sections of an annual report, as a form enters them (each optional while drafting).</summary>
/// <param name="Summary">実施内容の概要 (required to submit).</param>
/// <param name="Outcomes">定性的な成果・事例.</param>
/// <param name="Problems">課題・反省点.</param>
/// <param name="NextYearPlan">次年度の計画.</param>
/// <param name="PublicRelations">広報の実施状況.</param>
public sealed record AnnualReportSections(
    string? Summary,
    string? Outcomes,
    string? Problems,
    string? NextYearPlan,
    string? PublicRelations);
