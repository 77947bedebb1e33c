using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>Why an annual report cannot be submitted yet.</summary>
public enum ReportProblemCode
{
    SummaryMissing,
    KpiActualMissing,
    BudgetActualMissing,
}

/// <summary>One reason an annual report cannot be submitted, with a message the UI can show as is.</summary>
public sealed record ReportProblem(ReportProblemCode Code, UserMessage Message);
