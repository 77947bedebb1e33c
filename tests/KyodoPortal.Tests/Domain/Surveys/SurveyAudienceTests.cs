using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;

namespace KyodoPortal.Tests.Domain.Surveys;

/// <summary>Issue 16: who may answer (departments, groups, named accounts, anyone with the link) and who may read the results.</summary>
public class SurveyAudienceTests
{
    private static readonly DateOnly Opens = new(2023, 11, 17);
    private static readonly DateTime Now = new(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Survey Draft(SurveyAudienceKind audience, bool anonymous = true) =>
        new(Seed001Survey.Draft(Opens, Opens.AddDays(21), audience, anonymous), "coordinator", Now);

    [Fact]
    public void A_department_audience_takes_whoever_belongs_to_a_chosen_department_when_answering()
    {
        var survey = Draft(SurveyAudienceKind.Departments);
        survey.ChooseDepartments([3, 5, 3]);

        Assert.Equal(2, survey.Audience.Count);
        Assert.True(survey.IsInAudience(new SurveyRespondent("u1", 5, null)));
        Assert.False(survey.IsInAudience(new SurveyRespondent("u2", 4, null)));
        Assert.False(survey.IsInAudience(new SurveyRespondent("u3", null, 5)));
    }

    [Fact]
    public void A_group_audience_takes_members_of_a_chosen_group_only()
    {
        var survey = Draft(SurveyAudienceKind.Groups);
        survey.ChooseGroups([7]);

        Assert.True(survey.IsInAudience(new SurveyRespondent("u1", null, 7)));
        Assert.False(survey.IsInAudience(new SurveyRespondent("u2", 7, null)));
        Assert.False(survey.IsInAudience(new SurveyRespondent("u3", null, 8)));
    }

    [Fact]
    public void A_link_survey_has_an_unguessable_token_is_never_answered_as_a_signed_in_person_and_a_new_link_replaces_the_old()
    {
        var survey = Draft(SurveyAudienceKind.AnyoneWithLink);
        var first = survey.LinkToken!;
        survey.RegenerateLink();

        Assert.Equal(Survey.LinkTokenLength, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.NotEqual(first, survey.LinkToken);
        Assert.False(survey.IsInAudience(new SurveyRespondent("u1", 1, 1)));
        Assert.NotEqual(first, Draft(SurveyAudienceKind.AnyoneWithLink).LinkToken);
    }

    [Fact]
    public void A_link_survey_must_be_anonymous_and_leaving_the_link_audience_drops_the_token()
    {
        var named = Assert.Throws<DomainRuleException>(() => Draft(SurveyAudienceKind.AnyoneWithLink, anonymous: false));
        var survey = Draft(SurveyAudienceKind.AnyoneWithLink);
        survey.Update(Seed001Survey.Draft(Opens, Opens.AddDays(21), SurveyAudienceKind.AnySignedIn));

        Assert.Equal(Survey.LinkMustBeAnonymous, named.Message);
        Assert.Null(survey.LinkToken);
        Assert.Throws<DomainRuleException>(survey.RegenerateLink);
    }

    [Fact]
    public void Results_are_published_to_a_scope_and_a_link_survey_cannot_publish_to_respondents()
    {
        var link = Draft(SurveyAudienceKind.AnyoneWithLink);
        link.AddQuestion(Seed001Survey.Questions[0].Draft);
        link.Open("c", Now);
        link.Close("c", Now);
        var refused = Assert.Throws<DomainRuleException>(() => link.PublishResults("c", Now, SurveyResultsScope.Respondents));
        Assert.Equal(SurveyStatus.Closed, link.Status);
        Assert.Null(link.ResultsScope);
        Assert.Contains("回答者に公開", refused.Message, StringComparison.Ordinal);

        link.PublishResults("c", Now, SurveyResultsScope.Public);
        Assert.Equal(SurveyResultsScope.Public, link.ResultsScope);
    }

    [Fact]
    public void A_copy_keeps_the_chosen_departments_and_gets_its_own_link()
    {
        var departments = Draft(SurveyAudienceKind.Departments);
        departments.ChooseDepartments([2, 9]);
        var link = Draft(SurveyAudienceKind.AnyoneWithLink);

        Assert.Equal([2, 9], departments.CopyAsDraft("c", Now).Audience.Select(a => a.DepartmentId!.Value).Order());
        Assert.NotEqual(link.LinkToken, link.CopyAsDraft("c", Now).LinkToken);
    }
}
