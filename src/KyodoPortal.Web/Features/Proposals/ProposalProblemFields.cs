using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// Where a section's form shows a <see cref="SubmissionProblem"/> of the proposal (the rules live
/// in <see cref="Proposal"/>): a section save is refused exactly for the problems placed here.
/// The others (something still missing, a start year other than the call's) only block submitting,
/// so a draft can be saved part by part.
/// </summary>
public static class ProposalProblemFields
{
    /// <summary>The form fields <paramref name="problem"/> goes next to; <paramref name="lines"/> are the budget form's posted rows.</summary>
    public static IEnumerable<string> Of(SubmissionProblem problem, IReadOnlyList<BudgetRow>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Code switch
        {
            SubmissionProblemCode.TermTooLong => ["Input.TermYears"],

            // The plan's and the KPIs' year fields are hidden: the reason goes at the top of the form.
            SubmissionProblemCode.ScheduleOutsideTerm or SubmissionProblemCode.KpiTargetOutsideTerm => [string.Empty],
            SubmissionProblemCode.BudgetOutsideTerm => Enumerable.Range(0, lines?.Count ?? 0)
                .Where(i => lines![i].FiscalYear == problem.FiscalYear)
                .Select(i => $"Input.Lines[{i}].FiscalYear"),

            // The year's row of the totals table (Budget.cshtml), and the line under the table.
            SubmissionProblemCode.BudgetUnbalanced or SubmissionProblemCode.CitySharePerYearOverCap => [$"Budget.{problem.FiscalYear}"],
            SubmissionProblemCode.CityShareTotalOverCap => ["Budget.Total"],
            _ => [],
        };
    }
}
