using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Who a signed-in person is on a project with a 三者協定 (団体, 市, the lecturer's group) and a co-signing department.</summary>
public enum PartyKind
{
    /// <summary>団体: the group that proposed and signed as 団体.</summary>
    Group,

    /// <summary>担当課: the partner department.</summary>
    Department,

    /// <summary>The lecturer's group, the third party of the agreement.</summary>
    ThirdPartyGroup,

    /// <summary>A second department named in the agreement.</summary>
    CoSigningDepartment,

    /// <summary>協働推進担当.</summary>
    Office,

    /// <summary>A group that is no party of the project.</summary>
    NonParty,
}

public enum PartyAction
{
    ViewYearPage,
    SuggestOnGroupAnswer,
    SuggestOnOwnAnswer,
    ReceiveReturnMail,
    ReceiveAcceptMail,
    AcceptReport,
    StartReportCorrection,
    WriteSelfEvaluation,
}

public enum PartyOutcome
{
    /// <summary>Offered on the page, and the post is saved.</summary>
    Allowed,

    /// <summary>Not offered; a post is refused with 修正を提案できるのは自分の回答だけです。</summary>
    Refused,

    /// <summary>Not offered; a post answers 403.</summary>
    Forbidden,

    /// <summary>The page and the post answer 404.</summary>
    NotFound,

    Mailed,
    NotMailed,

    /// <summary>The self-evaluation page is the 団体's.</summary>
    AsGroup,

    /// <summary>The self-evaluation page is the 担当課's.</summary>
    AsDepartment,
}

/// <summary>
/// The permission matrix of a project's parties: each party kind × each action. The group that
/// proposed and signed as 団体 and the partner department act for the project; the other parties
/// of the agreement read its pages and correct only their own answers in the minutes.
/// </summary>
[Trait("Category", "Database")]
public sealed class PartyPermissionTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string OwnAnswersOnly = "修正を提案できるのは自分の回答だけです。";

    public static TheoryData<PartyKind, PartyAction, PartyOutcome> Matrix => new()
    {
        // who                            does what                                 and gets
        { PartyKind.Group,               PartyAction.ViewYearPage,           PartyOutcome.Allowed },
        { PartyKind.Department,          PartyAction.ViewYearPage,           PartyOutcome.Allowed },
        { PartyKind.ThirdPartyGroup,     PartyAction.ViewYearPage,           PartyOutcome.Allowed },
        { PartyKind.CoSigningDepartment, PartyAction.ViewYearPage,           PartyOutcome.Allowed },
        { PartyKind.Office,              PartyAction.ViewYearPage,           PartyOutcome.Allowed },
        { PartyKind.NonParty,            PartyAction.ViewYearPage,           PartyOutcome.NotFound },

        { PartyKind.Group,               PartyAction.SuggestOnGroupAnswer,   PartyOutcome.Allowed },
        { PartyKind.Department,          PartyAction.SuggestOnGroupAnswer,   PartyOutcome.Refused },
        { PartyKind.ThirdPartyGroup,     PartyAction.SuggestOnGroupAnswer,   PartyOutcome.Refused },
        { PartyKind.CoSigningDepartment, PartyAction.SuggestOnGroupAnswer,   PartyOutcome.Refused },
        { PartyKind.Office,              PartyAction.SuggestOnGroupAnswer,   PartyOutcome.Forbidden },
        { PartyKind.NonParty,            PartyAction.SuggestOnGroupAnswer,   PartyOutcome.NotFound },

        { PartyKind.Group,               PartyAction.SuggestOnOwnAnswer,     PartyOutcome.Allowed },
        { PartyKind.Department,          PartyAction.SuggestOnOwnAnswer,     PartyOutcome.Allowed },
        { PartyKind.ThirdPartyGroup,     PartyAction.SuggestOnOwnAnswer,     PartyOutcome.Allowed },
        { PartyKind.CoSigningDepartment, PartyAction.SuggestOnOwnAnswer,     PartyOutcome.Allowed },

        { PartyKind.Group,               PartyAction.ReceiveReturnMail,      PartyOutcome.Mailed },
        { PartyKind.Department,          PartyAction.ReceiveReturnMail,      PartyOutcome.NotMailed },
        { PartyKind.ThirdPartyGroup,     PartyAction.ReceiveReturnMail,      PartyOutcome.NotMailed },
        { PartyKind.CoSigningDepartment, PartyAction.ReceiveReturnMail,      PartyOutcome.NotMailed },
        { PartyKind.NonParty,            PartyAction.ReceiveReturnMail,      PartyOutcome.NotMailed },

        { PartyKind.Group,               PartyAction.ReceiveAcceptMail,      PartyOutcome.Mailed },
        { PartyKind.Department,          PartyAction.ReceiveAcceptMail,      PartyOutcome.NotMailed },
        { PartyKind.ThirdPartyGroup,     PartyAction.ReceiveAcceptMail,      PartyOutcome.NotMailed },
        { PartyKind.CoSigningDepartment, PartyAction.ReceiveAcceptMail,      PartyOutcome.NotMailed },
        { PartyKind.NonParty,            PartyAction.ReceiveAcceptMail,      PartyOutcome.NotMailed },

        { PartyKind.Group,               PartyAction.AcceptReport,           PartyOutcome.Forbidden },
        { PartyKind.Department,          PartyAction.AcceptReport,           PartyOutcome.Allowed },
        { PartyKind.ThirdPartyGroup,     PartyAction.AcceptReport,           PartyOutcome.Forbidden },
        { PartyKind.CoSigningDepartment, PartyAction.AcceptReport,           PartyOutcome.Forbidden },
        { PartyKind.Office,              PartyAction.AcceptReport,           PartyOutcome.Allowed },
        { PartyKind.NonParty,            PartyAction.AcceptReport,           PartyOutcome.NotFound },

        { PartyKind.Group,               PartyAction.StartReportCorrection,  PartyOutcome.Allowed },
        { PartyKind.Department,          PartyAction.StartReportCorrection,  PartyOutcome.Forbidden },
        { PartyKind.ThirdPartyGroup,     PartyAction.StartReportCorrection,  PartyOutcome.Forbidden },
        { PartyKind.CoSigningDepartment, PartyAction.StartReportCorrection,  PartyOutcome.Forbidden },
        { PartyKind.Office,              PartyAction.StartReportCorrection,  PartyOutcome.Allowed },
        { PartyKind.NonParty,            PartyAction.StartReportCorrection,  PartyOutcome.NotFound },

        { PartyKind.Group,               PartyAction.WriteSelfEvaluation,    PartyOutcome.AsGroup },
        { PartyKind.Department,          PartyAction.WriteSelfEvaluation,    PartyOutcome.AsDepartment },
        { PartyKind.ThirdPartyGroup,     PartyAction.WriteSelfEvaluation,    PartyOutcome.Forbidden },
        { PartyKind.CoSigningDepartment, PartyAction.WriteSelfEvaluation,    PartyOutcome.Forbidden },
        { PartyKind.Office,              PartyAction.WriteSelfEvaluation,    PartyOutcome.Forbidden },
        { PartyKind.NonParty,            PartyAction.WriteSelfEvaluation,    PartyOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_party_kind_may_do_exactly_what_its_place_in_the_agreement_allows(PartyKind who, PartyAction action, PartyOutcome expected)
    {
        var s = await ProjectScenario.CreateAsync(factory, thirdParties: true);

        var outcome = action switch
        {
            PartyAction.ViewYearPage => await ViewYearPageAsync(s, who),
            PartyAction.SuggestOnGroupAnswer => await SuggestAsync(s, who, GroupAnswer),
            PartyAction.SuggestOnOwnAnswer => await SuggestAsync(s, who, OwnAnswer(who)),
            PartyAction.ReceiveReturnMail => await ReportMailAsync(s, who, "#return-form", "差し戻されました"),
            PartyAction.ReceiveAcceptMail => await ReportMailAsync(s, who, "#accept-form", "受理されました"),
            PartyAction.AcceptReport => await AcceptReportAsync(s, who),
            PartyAction.StartReportCorrection => await StartCorrectionAsync(s, who),
            _ => await SelfEvaluationAsync(s, who),
        };

        Assert.Equal(expected, outcome);
    }

    // Answers of the seeded minutes: 1–2 the department's, 3 the group's, 4 the lecturer's group's, 5 the co-signing department's.
    private const int GroupAnswer = 3;

    private static int OwnAnswer(PartyKind who) => who switch
    {
        PartyKind.Group => GroupAnswer,
        PartyKind.Department => 1,
        PartyKind.ThirdPartyGroup => 4,
        PartyKind.CoSigningDepartment => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Has no answers of its own."),
    };

    private static string YearUrl(ProjectScenario s) => $"{s.ProjectUrl}/years/{s.FirstYear}";

    private static async Task<PartyOutcome> ViewYearPageAsync(ProjectScenario s, PartyKind who)
    {
        using var client = await SignInAsync(s, who);
        using var response = await client.Http.GetAsync(YearUrl(s));
        return Outcome(response.StatusCode);
    }

    private static async Task<PartyOutcome> SuggestAsync(ProjectScenario s, PartyKind who, int answer)
    {
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated);
        using var client = await SignInAsync(s, who);
        var (page, status) = await PageAsync(client, held.MinutesUrl);
        var offered = page.QuerySelector($"form[action='{held.MinutesUrl}/answers/{answer}/suggest']") is not null;
        var version = page.QuerySelector("input[name=version]")?.GetAttribute("value") ?? "1";
        using var response = await client.PostWithTokenAsync(page, $"{held.MinutesUrl}/answers/{answer}/suggest", ("version", version), ("Suggestion.Text", $"{who}による修正案"));
        var stored = (await MeetingScenario.VersionsAsync(s, held)).Single().Suggestions.Any(x => x.AnswerNumber == answer);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var refused = await PageClient.ReadAsync(response, HttpStatusCode.OK);
            return !offered && !stored && refused.Text(".validation-summary-errors")?.Contains(OwnAnswersOnly, StringComparison.Ordinal) == true
                ? PartyOutcome.Refused
                : throw new InvalidOperationException($"Refused without the reason, or offered ({offered}) / stored ({stored}) anyway.");
        }

        return Consistent(Outcome(response.StatusCode), status, offered, stored);
    }

    private async Task<PartyOutcome> ReportMailAsync(ProjectScenario s, PartyKind who, string form, string verb)
    {
        await ReportScenario.StoredSubmittedAsync(s);
        using var department = await s.DepartmentStaffAsync();
        await department.SubmitAndFollowAsync(await department.GetPageAsync(ReportScenario.ReportUrl(s)), form, ("Return.Comment", "参加費を徴収しなかった理由を書いてください。"));
        var mail = Assert.Single(PickupMail.ReadAll(factory.DataFolder), m => m.Subject.Contains(s.Project.Title, StringComparison.Ordinal) && m.Subject.Contains(verb, StringComparison.Ordinal));
        return mail.To.Contains(EmailOf(s, who), StringComparison.OrdinalIgnoreCase) ? PartyOutcome.Mailed : PartyOutcome.NotMailed;
    }

    private static async Task<PartyOutcome> AcceptReportAsync(ProjectScenario s, PartyKind who)
    {
        await ReportScenario.StoredSubmittedAsync(s);
        using var client = await SignInAsync(s, who);
        var (page, status) = await PageAsync(client, ReportScenario.ReportUrl(s));
        var offered = page.QuerySelector("#accept-form") is not null;
        var version = page.QuerySelector("input[name='Accept.Version']")?.GetAttribute("value") ?? "1";
        using var response = await client.PostWithTokenAsync(page, ReportScenario.ReportUrl(s) + "/accept", ("Accept.Version", version), (PageClient.ConfirmationField, "true"));
        var accepted = await s.Factory.QueryAsync(db => db.AnnualReports.AnyAsync(r => r.ProjectId == s.Project.Id && r.Status == AnnualReportStatus.Accepted));
        return Consistent(Outcome(response.StatusCode), status, offered, accepted);
    }

    private static async Task<PartyOutcome> StartCorrectionAsync(ProjectScenario s, PartyKind who)
    {
        await EvaluationScenario.AcceptedReportAsync(s);
        using var client = await SignInAsync(s, who);
        var (page, status) = await PageAsync(client, ReportScenario.ReportUrl(s));
        var offered = page.QuerySelector("#correction-form") is not null;
        using var response = await client.PostWithTokenAsync(page, ReportScenario.ReportUrl(s) + "/correction", ("Correction.Reason", "参加者数の誤り"));
        var created = await s.Factory.QueryAsync(db => db.AnnualReports.AnyAsync(r => r.ProjectId == s.Project.Id && r.Revision == 2));
        return Consistent(Outcome(response.StatusCode), status, offered, created);
    }

    private static async Task<PartyOutcome> SelfEvaluationAsync(ProjectScenario s, PartyKind who)
    {
        await EvaluationScenario.RoundAsync(s);
        using var client = await SignInAsync(s, who);
        using var response = await client.Http.GetAsync($"{YearUrl(s)}/self-evaluation");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return Outcome(response.StatusCode);
        }

        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);
        Assert.NotNull(page.QuerySelector("#score-form"));
        return page.Text(".lead") switch
        {
            { } lead when lead.EndsWith("（団体）", StringComparison.Ordinal) => PartyOutcome.AsGroup,
            { } lead when lead.EndsWith("（担当課）", StringComparison.Ordinal) => PartyOutcome.AsDepartment,
            var lead => throw new InvalidOperationException($"Whose self-evaluation is '{lead}'?"),
        };
    }

    /// <summary>The page (the home page for someone who gets 404: a form token to post with) and its status.</summary>
    private static async Task<(IHtmlDocument Page, HttpStatusCode Status)> PageAsync(PageClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        var page = response.StatusCode == HttpStatusCode.NotFound ? await client.GetPageAsync("/") : await PageClient.ReadAsync(response, HttpStatusCode.OK);
        return (page, response.StatusCode);
    }

    /// <summary>What the post answered, checked against what the page offered and what was saved.</summary>
    private static PartyOutcome Consistent(PartyOutcome posted, HttpStatusCode pageStatus, bool offered, bool saved)
    {
        var consistent = posted switch
        {
            PartyOutcome.Allowed => offered && saved,
            PartyOutcome.NotFound => pageStatus == HttpStatusCode.NotFound && !saved,
            _ => pageStatus == HttpStatusCode.OK && !offered && !saved,
        };
        return consistent ? posted : throw new InvalidOperationException($"The post answered {posted}, but the page ({pageStatus}) offered it: {offered}, saved: {saved}.");
    }

    private static PartyOutcome Outcome(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK or HttpStatusCode.Redirect => PartyOutcome.Allowed,
        HttpStatusCode.Forbidden => PartyOutcome.Forbidden,
        HttpStatusCode.NotFound => PartyOutcome.NotFound,
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected {(int)status}.")),
    };

    private static string EmailOf(ProjectScenario s, PartyKind who) => who switch
    {
        PartyKind.Group => s.GroupMemberEmail,
        PartyKind.Department => s.DepartmentStaffEmail,
        PartyKind.ThirdPartyGroup => s.LecturerMemberEmail,
        PartyKind.CoSigningDepartment => s.CoSigningStaffEmail,
        PartyKind.Office => s.CoordinatorEmail,
        _ => s.OtherGroupMemberEmail,
    };

    private static Task<PageClient> SignInAsync(ProjectScenario s, PartyKind who) => who switch
    {
        PartyKind.Group => s.GroupMemberAsync(),
        PartyKind.Department => s.DepartmentStaffAsync(),
        PartyKind.ThirdPartyGroup => s.LecturerMemberAsync(),
        PartyKind.CoSigningDepartment => s.CoSigningStaffAsync(),
        PartyKind.Office => s.CoordinatorAsync(),
        _ => s.OtherGroupMemberAsync(),
    };
}
