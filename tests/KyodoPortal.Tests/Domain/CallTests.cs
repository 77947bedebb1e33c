using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Tests.Domain;

public class CallTests
{
    private static readonly DateTime OpensAt = ProposalBuilder.OpensAtUtc;
    private static readonly DateTime ClosesAt = ProposalBuilder.ClosesAtUtc;

    private static Call NewCall(
        DateTime? opensAt = null,
        DateTime? closesAt = null,
        long total = 600_000,
        long perYear = 300_000,
        int maxTermYears = 3) =>
        new("令和7年度 協働事業提案", ProposalType.GroupProposal, 2025, opensAt ?? OpensAt, closesAt ?? ClosesAt, total, perYear, maxTermYears, null);

    [Fact]
    public void A_new_call_is_unpublished_and_not_yet_screening()
    {
        var call = NewCall();

        Assert.False(call.IsPublished);
        Assert.Null(call.ScreeningStartedAtUtc);
        Assert.False(call.CriteriaLocked);
        Assert.Equal(2025, call.FiscalYear);
    }

    [Fact]
    public void A_call_must_close_after_it_opens()
    {
        var error = Assert.Throws<DomainRuleException>(() => NewCall(opensAt: ClosesAt, closesAt: ClosesAt));

        Assert.Equal("募集の締切は受付開始より後の日時にしてください。", error.Message);
    }

    [Theory]
    [InlineData(600_000, 0)]
    [InlineData(600_000, 600_001)]
    [InlineData(0, 0)]
    public void The_city_share_caps_must_be_positive_and_the_yearly_cap_within_the_total(long total, long perYear)
    {
        Assert.Throws<DomainRuleException>(() => NewCall(total: total, perYear: perYear));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void The_maximum_term_is_between_one_and_five_years(int maxTermYears)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewCall(maxTermYears: maxTermYears));

        Assert.Equal("事業期間の上限は1年から5年の間で指定してください。", error.Message);
    }

    [Fact]
    public void A_call_refuses_local_times()
    {
        Assert.Throws<ArgumentException>(() => NewCall(opensAt: new DateTime(2024, 10, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void A_published_call_is_open_from_its_opening_instant_until_just_before_its_closing_instant()
    {
        var call = NewCall();
        call.Publish();

        Assert.False(call.IsOpenAt(OpensAt.AddTicks(-1)));
        Assert.True(call.IsOpenAt(OpensAt));
        Assert.True(call.IsOpenAt(ClosesAt.AddTicks(-1)));
        Assert.False(call.IsOpenAt(ClosesAt));
    }

    [Fact]
    public void An_unpublished_call_is_never_open()
    {
        var call = NewCall();

        Assert.False(call.IsOpenAt(ProposalBuilder.InsideWindow));
    }

    [Fact]
    public void Publishing_twice_is_refused_and_unpublishing_closes_the_call()
    {
        var call = NewCall();
        call.Publish();

        Assert.Throws<DomainRuleException>(call.Publish);
        call.Unpublish();
        Assert.False(call.IsOpenAt(ProposalBuilder.InsideWindow));
        Assert.Throws<DomainRuleException>(call.Unpublish);
    }

    [Fact]
    public void Criteria_are_kept_in_the_order_entered()
    {
        var call = NewCall();

        call.ReplaceCriteria([new("公益性", null, 2, 5), new("実現性", "計画が現実的か。", 1, 5)]);

        Assert.Collection(
            call.Criteria,
            first => Assert.Equal(("公益性", 2, 5, 1), (first.Name, first.Weight, first.MaxPoints, first.SortOrder)),
            second => Assert.Equal(("実現性", 1, 5, 2), (second.Name, second.Weight, second.MaxPoints, second.SortOrder)));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(101, 5)]
    [InlineData(1, 0)]
    [InlineData(1, 101)]
    public void A_criterion_weight_and_maximum_points_are_between_1_and_100(int weight, int maxPoints)
    {
        var call = NewCall();

        Assert.Throws<DomainRuleException>(() => call.ReplaceCriteria([new("公益性", null, weight, maxPoints)]));
        Assert.Empty(call.Criteria);
    }

    [Fact]
    public void Duplicate_criterion_names_are_refused()
    {
        var call = NewCall();

        var error = Assert.Throws<DomainRuleException>(() => call.ReplaceCriteria([new("公益性", null, 1, 5), new("公益性", null, 2, 5)]));

        Assert.Equal("審査基準「公益性」が重複しています。", error.Message);
    }

    [Fact]
    public void Screening_needs_at_least_one_criterion()
    {
        var call = NewCall();

        var error = Assert.Throws<DomainRuleException>(() => call.StartScreening(ProposalBuilder.AfterWindow));

        Assert.Equal("審査基準が設定されていないため、審査を開始できません。", error.Message);
        Assert.Null(call.ScreeningStartedAtUtc);
    }

    [Fact]
    public void Screening_cannot_start_while_the_call_is_still_open()
    {
        var call = new ProposalBuilder().BuildCall();

        var error = Assert.Throws<DomainRuleException>(() => call.StartScreening(ProposalBuilder.InsideWindow));

        Assert.Equal("募集期間が終了するまで審査を開始できません。", error.Message);
    }

    [Fact]
    public void Criteria_are_locked_once_screening_started()
    {
        var call = new ProposalBuilder().BuildCall();

        call.StartScreening(ProposalBuilder.AfterWindow);

        Assert.True(call.CriteriaLocked);
        Assert.Equal(ProposalBuilder.AfterWindow, call.ScreeningStartedAtUtc);
        var error = Assert.Throws<DomainRuleException>(() => call.ReplaceCriteria([new("新しい基準", null, 1, 5)]));
        Assert.Equal("審査開始後は審査基準を変更できません。", error.Message);
        Assert.Equal(2, call.Criteria.Count);
    }

    [Fact]
    public void Starting_screening_twice_is_refused_naming_the_state()
    {
        var call = new ProposalBuilder().BuildCall();
        call.StartScreening(ProposalBuilder.AfterWindow);

        var error = Assert.Throws<DomainRuleException>(() => call.StartScreening(ProposalBuilder.AfterWindow.AddDays(1)));

        Assert.Equal("この募集はすでに審査中です（審査開始: 令和6年12月10日）。", error.Message);
        Assert.Equal(ProposalBuilder.AfterWindow, call.ScreeningStartedAtUtc);
    }

    [Fact]
    public void The_terms_of_a_call_cannot_change_once_screening_started()
    {
        var call = new ProposalBuilder().BuildCall();
        call.StartScreening(ProposalBuilder.AfterWindow);

        var error = Assert.Throws<DomainRuleException>(() => call.Update(
            call.Name, call.ProposalType, call.FiscalYear, call.OpensAtUtc, call.ClosesAtUtc.AddDays(7), call.MaxCityShareTotal, call.MaxCitySharePerYear, call.MaxTermYears, null));

        Assert.Equal("審査開始後は募集内容を変更できません。", error.Message);
    }

    [Fact]
    public void Themes_are_held_by_id_without_duplicates()
    {
        var call = NewCall();

        call.ReplaceThemes([4, 2, 4]);

        Assert.Equal([4, 2], call.Themes.Select(theme => theme.ThemeId));
    }
}
