using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>Reaching continuation states of a <see cref="ProjectScenario"/> project quickly, through the domain.</summary>
public static class ContinuationScenario
{
    /// <summary>An instant in the project's last fiscal year (June 1, 10:00 in Japan), when a decision may be made.</summary>
    public static DateTime InLastYear(ProjectScenario scenario) =>
        new DateTimeOffset(scenario.FirstYear + 1, 6, 1, 10, 0, 0, TimeSpan.FromHours(9)).UtcDateTime;

    /// <summary>Decides 終了 in the last year and closes the project as <paramref name="outcome"/> with the given summary and lessons.</summary>
    public static Task CloseAsync(ProjectScenario scenario, ProjectOutcome outcome, string summary = "参加者の3割が就職した。", string lessons = "企業との連携は1年目から始める。")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var when = InLastYear(scenario);
        return scenario.UpdateAsync((_, project) =>
        {
            if (outcome != ProjectOutcome.EndedEarly)
            {
                project.DecideContinuation(new ContinuationDecisionDraft(ContinuationOutcome.End, null, "目標を達成したため終了する。", false, null), ContinuationPolicy.Default, "seed", when);
            }

            project.Close(
                new ProjectClosureDraft(outcome, summary, lessons, new DateOnly(scenario.FirstYear + 1, 6, 1), outcome == ProjectOutcome.EndedEarly ? "講師が確保できなくなった。" : null),
                0,
                "seed",
                when);
            return Task.CompletedTask;
        });
    }

    /// <summary>The coordinator's case switches, set directly.</summary>
    public static Task MarkCaseAsync(ProjectScenario scenario, bool marked, bool published)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.UpdateAsync((_, project) =>
        {
            if (project.Status == ProjectStatus.InProgress)
            {
                project.MarkAsCase(marked);
            }

            project.PublishCase(published);
            return Task.CompletedTask;
        });
    }
}
