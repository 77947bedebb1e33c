using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Tests.Domain.Guidelines;

/// <summary>Issue 17, part A: the period review (続行 / 修正 / 削除 / 追加) and starting period 2 from its decisions.</summary>
public class PeriodReviewTests
{
    private static readonly DateTime Now = new(2025, 1, 20, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2025, 2, 10);

    /// <summary>Seed 002 with three measures in period 1 and period 2 added as a draft.</summary>
    private static (Guideline Guideline, GuidelinePeriod First, GuidelinePeriod Second, List<GuidelineMeasure> Measures) City()
    {
        var guideline = GuidelineTests.Seed002();
        var first = guideline.PeriodNumbered(1);
        var place = guideline.AreaNumbered(1);
        var measures = new List<GuidelineMeasure>
        {
            GuidelineTests.Fund(guideline),
            new(guideline, first, new MeasureDraft("公共施設の有効利用", "公共施設の空きスペースを活動の場として提供します。", place, null, guideline.FindClassification("Ⅱ—イ"), false, [3, 4])),
            new(guideline, first, new MeasureDraft("活動拠点の整備の検討", null, place, null, guideline.FindClassification("Ⅲ"), false, [3])),
        };
        var second = guideline.AddPeriod(2025, 2029);
        return (guideline, first, second, measures);
    }

    private static MeasureDraft Revised(Guideline guideline) =>
        new("公共施設の有効利用と予約の一元化", "空きスペースの予約を一つの窓口で受けます。", guideline.AreaNumbered(1), null, guideline.FindClassification("Ⅱ—ア"), true, []);

    [Fact]
    public void Period_2_is_built_exactly_from_the_decisions_and_period_1_becomes_read_only()
    {
        var (guideline, first, second, measures) = City();
        var reviews = measures.Select(m => new MeasureReview(m)).ToList();
        reviews[0].Assess(ReviewImplementation.Implemented, MeasureEffectiveness.High, ReviewNecessity.Needed, "基金を設置し寄附が集まった。");
        reviews[0].Propose(guideline, MeasureDecision.Keep, "効果が高い。", null);
        reviews[0].Decide(MeasureDecision.Keep, null, "coord", Today);
        reviews[1].Propose(guideline, MeasureDecision.Revise, "予約が分かりにくいとの意見。", Revised(guideline));
        reviews[1].AddOpinion("member-1", "予約の窓口を一つにしてほしい。", Now);
        reviews[1].Decide(MeasureDecision.Revise, "委員会の意見を反映。", "coord", Today);
        reviews[2].Decide(MeasureDecision.Delete, "目的を達成した。", "coord", Today);
        var added = MeasureReview.ForNewMeasure(guideline, first, new MeasureDraft("若者の参加の促進", "学生の活動参加を後押しします。", guideline.AreaNumbered(2), guideline.AreaNumbered(2).FindSubArea("イ"), guideline.FindClassification("Ⅰ"), true, []), "意見交換会の意見から。");
        added.Decide(MeasureDecision.Add, null, "coord", Today);
        reviews.Add(added);

        var built = PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: false);

        Assert.Equal(["市民活動を支援するための基金の設置", "公共施設の有効利用と予約の一元化", "若者の参加の促進"], built.Select(m => m.Title));
        Assert.All(built, m => Assert.Same(second, m.Period));
        var kept = built[0];
        Assert.Same(measures[0], kept.PreviousMeasure);
        Assert.Equal(measures[0].Description, kept.Description);
        Assert.Same(measures[0].Classification, kept.Classification);
        Assert.True(kept.IsPriority);
        Assert.True(kept.IsInChargeOf(7));
        var revised = built[1];
        Assert.Same(measures[1], revised.PreviousMeasure);
        Assert.Equal("Ⅱ—ア", revised.Classification.Code);
        Assert.True(revised.IsPriority);
        Assert.True(revised.IsInChargeOf(3) && revised.IsInChargeOf(4));
        var fresh = built[2];
        Assert.Null(fresh.PreviousMeasure);
        Assert.Equal("イ", fresh.SubArea!.Letter);
        Assert.Empty(fresh.Departments);
        Assert.Same(kept, reviews[0].NextMeasure);
        Assert.Same(revised, reviews[1].NextMeasure);
        Assert.Null(reviews[2].NextMeasure);
        Assert.Same(fresh, added.NextMeasure);

        Assert.True(first.IsClosed);
        Assert.Equal(GuidelinePeriodStatus.Draft, second.Status);
        Assert.Equal("第1期は終了しているため変更できません。", Assert.Throws<DomainRuleException>(() => measures[1].Update(guideline, Revised(guideline))).Message);
        Assert.Throws<DomainRuleException>(() => reviews[0].AddOpinion("member-1", "遅れて", Now));
        Assert.Throws<DomainRuleException>(() => new MeasureReview(measures[2]));
        Assert.Throws<DomainRuleException>(() => MeasureReview.ForNewMeasure(guideline, first, Revised(guideline), null));
        Assert.Equal("第1期はすでに終了し、次の期が始まっています。", Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: true)).Message);
    }

    [Fact]
    public void Period_2_does_not_start_while_a_measure_or_an_addition_is_undecided_and_nothing_changes()
    {
        var (guideline, first, second, measures) = City();
        var reviews = measures.Take(2).Select(m => new MeasureReview(m)).ToList();
        reviews[0].Decide(MeasureDecision.Keep, null, "coord", Today);
        reviews[1].Decide(MeasureDecision.Delete, null, "coord", Today);

        var missing = Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: false));
        Assert.Equal("見直しの決定がない施策が1件あります（「活動拠点の整備の検討」など）。すべて決定してから始めてください。", missing.Message);

        var third = new MeasureReview(measures[2]);
        third.Propose(guideline, MeasureDecision.Keep, null, null);
        reviews.Add(third);
        Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: false));
        third.Decide(MeasureDecision.Keep, null, "coord", Today);
        reviews.Add(MeasureReview.ForNewMeasure(guideline, first, Revised(guideline), null));
        var addition = Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: false));
        Assert.Equal("決定していない追加の案が1件あります。決定するか取り下げてから始めてください。", addition.Message);

        Assert.Equal(GuidelinePeriodStatus.Adopted, first.Status);
        Assert.All(reviews, r => Assert.Null(r.NextMeasure));
    }

    [Fact]
    public void Period_2_starts_once_only_from_an_adopted_period_into_an_empty_draft()
    {
        var (guideline, first, second, measures) = City();
        var reviews = measures.Select(m => new MeasureReview(m)).ToList();
        reviews.ForEach(r => r.Decide(MeasureDecision.Keep, null, "coord", Today));

        Assert.Equal("第2期にはすでに施策があります。第1期から始められるのは一度だけです。", Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: true)).Message);
        Assert.Equal("次の期を始められるのは、策定済みの期を見直したあとだけです。", Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, second, [], [], nextHasMeasures: false)).Message);
        Assert.Equal(GuidelinePeriodStatus.Adopted, first.Status);

        Assert.Equal(3, PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: false).Count);
        Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, measures, reviews, nextHasMeasures: true));
    }

    [Fact]
    public void Starting_needs_the_next_period_as_a_draft()
    {
        var guideline = GuidelineTests.Seed002();
        var first = guideline.PeriodNumbered(1);
        var refusal = Assert.Throws<DomainRuleException>(() => PeriodTransition.StartNext(guideline, first, [], [], nextHasMeasures: false));
        Assert.Equal("先に第2期（案）を追加してください。", refusal.Message);
    }

    [Fact]
    public void A_decision_is_made_once()
    {
        var (guideline, _, _, measures) = City();
        var review = new MeasureReview(measures[0]);
        review.Decide(MeasureDecision.Keep, null, "coord", Today);

        Assert.Equal("この施策の見直しはすでに「続行」に決定しています。", Assert.Throws<DomainRuleException>(() => review.Decide(MeasureDecision.Delete, null, "coord", Today)).Message);
        Assert.Equal("この施策の見直しは「続行」に決定しているため変更できません。", Assert.Throws<DomainRuleException>(() => review.Propose(guideline, MeasureDecision.Delete, null, null)).Message);
        Assert.Throws<DomainRuleException>(() => review.Assess(null, null, null, "後から"));
        Assert.Throws<DomainRuleException>(() => review.AddOpinion("member-1", "後から", Now));
        Assert.Equal(MeasureDecision.Keep, review.Decision);
        Assert.Equal(Today, review.DecidedOn);
    }

    [Fact]
    public void Revise_needs_the_new_text_and_add_is_only_for_a_new_measure()
    {
        var (guideline, first, _, measures) = City();
        var review = new MeasureReview(measures[1]);

        Assert.Equal("「修正」には次の期の施策の内容を入力してください。", Assert.Throws<DomainRuleException>(() => review.Propose(guideline, MeasureDecision.Revise, null, null)).Message);
        Assert.Equal("「修正」に決定する前に、事務局案に修正後の施策の内容を入力してください。", Assert.Throws<DomainRuleException>(() => review.Decide(MeasureDecision.Revise, null, "coord", Today)).Message);
        Assert.Equal("「追加」は新しい施策にだけ選べます。", Assert.Throws<DomainRuleException>(() => review.Decide(MeasureDecision.Add, null, "coord", Today)).Message);
        Assert.Equal("施策の分類を選んでください。", Assert.Throws<DomainRuleException>(() => review.Propose(guideline, MeasureDecision.Revise, null, Revised(guideline) with { Classification = null })).Message);
        Assert.Null(review.Proposal);

        var added = MeasureReview.ForNewMeasure(guideline, first, Revised(guideline), null);
        Assert.True(added.IsAddition);
        Assert.Equal(MeasureDecision.Add, added.Proposal);
        Assert.Equal("追加の案は「追加」にだけ決定できます。取りやめるときは取り下げてください。", Assert.Throws<DomainRuleException>(() => added.Decide(MeasureDecision.Keep, null, "coord", Today)).Message);
        Assert.Equal("追加する施策には前の期の実施状況はありません。", Assert.Throws<DomainRuleException>(() => added.Assess(ReviewImplementation.Implemented, null, null, null)).Message);
        added.EnsureWithdrawable();
        Assert.Throws<DomainRuleException>(review.EnsureWithdrawable);
        Assert.Equal("施策の分野を選んでください。", Assert.Throws<DomainRuleException>(() => MeasureReview.ForNewMeasure(guideline, first, Revised(guideline) with { Area = null }, null)).Message);
    }

    [Fact]
    public void The_committee_opinions_keep_who_when_and_what_and_an_empty_one_is_refused()
    {
        var (_, _, _, measures) = City();
        var review = new MeasureReview(measures[0]);
        review.AddOpinion("member-1", "  継続すべき。 ", Now);
        review.AddOpinion("member-2", "寄附の使い道を公表してほしい。", Now.AddHours(1));

        Assert.Equal(["継続すべき。", "寄附の使い道を公表してほしい。"], review.Opinions.Select(o => o.Text));
        Assert.Equal(["member-1", "member-2"], review.Opinions.Select(o => o.ByUserId));
        Assert.Equal(Now.AddHours(1), review.Opinions[1].AtUtc);
        Assert.Equal("意見を入力してください。", Assert.Throws<DomainRuleException>(() => review.AddOpinion("member-1", " ", Now)).Message);
    }

    [Fact]
    public void Only_an_adopted_period_is_reviewed()
    {
        var (guideline, _, second, _) = City();
        Assert.Equal("見直しができるのは策定済みの期だけです。", Assert.Throws<DomainRuleException>(() => MeasureReview.ForNewMeasure(guideline, second, Revised(guideline), null)).Message);
    }
}
