using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data;

/// <summary>
/// A believable small city for local use: departments, groups and one account per role.
/// Runs only when DemoData:Seed is on (Development) and only into an empty database.
/// The shared password comes from DemoData:Password (README lists it for local use).
/// </summary>
public sealed partial class DemoDataSeeder(
    KyodoDbContext db,
    UserManager<AppUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    IFileStore files,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>A one-page PDF the demo proposals carry as their 収支予算書, so attachments can be tried.</summary>
    private static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public async Task SeedAsync()
    {
        if (await db.Departments.AnyAsync())
        {
            return;
        }

        var password = configuration["DemoData:Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("DemoData:Seed is on but DemoData:Password is empty.");
        }

        Department[] departments =
        [
            new("地域のつながり推進課", "共創計画部", "tsunagari@city.example.jp", "0467-00-0001"),
            new("商工課", "市民生活部", "shoko@city.example.jp", "0467-00-0002"),
            new("福祉総務課", "健康福祉部", "fukushi@city.example.jp", "0467-00-0003"),
            new("環境政策課", "環境部", "kankyo@city.example.jp", "0467-00-0004"),
            new("こども支援課", "こどもみらい部", "kodomo@city.example.jp", "0467-00-0005"),
        ];
        CitizenGroup[] groups =
        [
            new("NPO法人 湘南就労サポートネット", "しょうなんしゅうろうさぽーとねっと", LegalForm.NpoCorporation, "山田 花子", "市内全域"),
            new("認定NPO法人 こどもの居場所かまくら", "こどものいばしょかまくら", LegalForm.CertifiedNpoCorporation, "佐藤 健", "鎌倉地域"),
            new("一般社団法人 海と森の環境ラボ", "うみともりのかんきょうらぼ", LegalForm.GeneralIncorporatedAssociation, "鈴木 一郎", "腰越地域"),
            new("大船まちづくり研究会", "おおふなまちづくりけんきゅうかい", LegalForm.VoluntaryAssociation, "高橋 由美", "大船地域"),
            new("玉縄台自治会", "たまなわだいじちかい", LegalForm.NeighborhoodAssociation, "田中 誠", "玉縄地域"),
        ];
        // Field ids are the seeded 活動分野 (ActivityFieldConfiguration): 1 子育て, 2 教育, 3 高齢者福祉,
        // 5 就労支援, 7 環境, 8 まちづくり, 9 防災・防犯.
        groups[0].UpdateProfile(new GroupProfile(2012, 25, "就職に悩む若者と地域の事業所をつなぎ、就労体験と職場定着を支援しています。", "就労体験の受け入れ先開拓、キャリア相談員3名", "https://shonan-work.example.jp", "info@shonan-work.example.jp", null, IsPublished: true, [5, 8]));
        groups[1].UpdateProfile(new GroupProfile(2015, 40, "子ども食堂と学習支援の居場所を市内3か所で運営しています。", "調理ボランティア30名、食品衛生の知識", null, "kodomo@example.jp", null, IsPublished: true, [1, 2]));
        groups[2].UpdateProfile(new GroupProfile(2018, 12, "海岸清掃と森の手入れ、環境学習の出前授業を行っています。", "環境学習の講師", null, null, null, IsPublished: true, [7, 2]));
        groups[3].UpdateProfile(new GroupProfile(2020, 8, "大船駅周辺の空き店舗を使ったまちづくりを研究しています。", null, null, null, null, IsPublished: false, [8]));
        groups[4].UpdateProfile(new GroupProfile(1975, 320, "防災訓練と高齢者の見守りを続けています。", "防災倉庫の管理", null, null, null, IsPublished: true, [9, 3]));
        db.Departments.AddRange(departments);
        db.CitizenGroups.AddRange(groups);
        await db.SaveChangesAsync();

        await SeedIntakeAsync(departments, groups);

        await CreateUserAsync("admin@example.jp", "システム管理者", KyodoRoles.Administrator, password);
        var coordinator = await CreateUserAsync("coordinator@example.jp", "協働 推子（地域のつながり推進課）", KyodoRoles.Coordinator, password, department: departments[0]);
        var staff = await CreateUserAsync("staff@example.jp", "商工 太郎（商工課）", KyodoRoles.DepartmentStaff, password, department: departments[1]);
        var groupMember = await CreateUserAsync("group@example.jp", "山田 花子（湘南就労サポートネット）", KyodoRoles.GroupMember, password, group: groups[0]);
        var committee = await CreateUserAsync("committee@example.jp", "評価 委員（市民活動推進委員会）", KyodoRoles.CommitteeMember, password);
        var committee2 = await CreateUserAsync("committee2@example.jp", "大学 教授（市民活動推進委員会）", KyodoRoles.CommitteeMember, password);
        var committee3 = await CreateUserAsync("committee3@example.jp", "地域 代表（市民活動推進委員会）", KyodoRoles.CommitteeMember, password);
        await SeedScreeningAsync(departments, groups, committee, committee2, committee3);
        var project = await SeedProjectAsync(departments[1], groups[0], staff, groupMember);
        await SeedReportMeetingAsync(project, departments[1], groups[0], committee, committee2);
        await SeedSurveyAsync();
        await SeedGuidelineAsync(departments);
        await SeedGuidelineReviewAsync(coordinator, committee, committee2);
        await SeedLinkSurveyAsync();

        LogSeeded(logger, departments.Length, groups.Length);
    }

    /// <summary>Two published themes and a call open for the next fiscal year, so the intake pages have content.</summary>
    private async Task SeedIntakeAsync(Department[] departments, CitizenGroup[] groups)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var nextYear = FiscalYear.Of(clock.GetUtcNow()).Next().StartYear;
        var employment = new Theme(
            new ThemeDraft("若者の就労体験の場づくり", "就職に不安を抱える若者が、地域で働く体験をできる場が足りません。", "地域の事業所と団体が連携し、年間20人の就労体験と職場定着を実現したい。", departments[1].Id, nextYear, ThemeStatus.Open, IsPublished: true, [5, 8]),
            "demo",
            now);
        var childcare = new Theme(
            new ThemeDraft("子どもの居場所と学習支援", "放課後に安心して過ごせる場所と学習の支えが必要な子どもがいます。", null, departments[4].Id, nextYear, ThemeStatus.Open, IsPublished: true, [1, 2]),
            "demo",
            now);
        db.Themes.AddRange(employment, childcare);
        await db.SaveChangesAsync();

        var call = new Call(
            $"{new FiscalYear(nextYear).ToJapaneseLabel()} 市民活動団体提案協働事業",
            ProposalType.GroupProposal,
            nextYear,
            now.AddDays(-7),
            now.AddDays(30),
            maxCityShareTotal: 900_000,
            maxCitySharePerYear: 300_000,
            maxTermYears: 3,
            "団体の皆さんが地域の課題に市と協働して取り組む事業を募集します。提案書・収支予算・成果指標を作成して提出してください。");
        call.ReplaceThemes([employment.Id, childcare.Id]);
        call.ReplaceCriteria(
        [
            new ScreeningCriterionDraft("公益性", "市民全体の利益につながるか", 3, 5),
            new ScreeningCriterionDraft("協働の効果", "市と団体が組むことで効果が高まるか", 2, 5),
            new ScreeningCriterionDraft("実現可能性", "計画・体制・予算が現実的か", 2, 5),
            new ScreeningCriterionDraft("成果の測り方", "成果指標と目標が具体的か", 1, 5),
        ]);
        call.Publish();
        db.Calls.Add(call);
        await db.SaveChangesAsync();

        var draft = new Proposal(call, "就労支援セミナーと職場体験事業", groups[0].Id, departments[1].Id, "demo", now);
        draft.UpdateOverview("就労支援セミナーと職場体験事業", "就労に困難を抱える若者の相談先と、働く体験の場が少ない。", "セミナーと職場体験を通じて、若者の就労と定着を支援する。", "市内在住・在勤の就労を希望する若者", nextYear, 2, groups[0].Id, departments[1].Id, now);
        db.Proposals.Add(draft);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// This year's call, closed, with three submitted proposals under screening and a panel of three
    /// members: two have scored (one of them is recused on the third proposal), committee@example.jp
    /// has not started, so a visitor can walk a whole screening.
    /// </summary>
    private async Task SeedScreeningAsync(Department[] departments, CitizenGroup[] groups, AppUser member, AppUser second, AppUser third)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = FiscalYear.Of(clock.GetUtcNow()).StartYear;
        var inside = now.AddDays(-20);
        var call = new Call($"{new FiscalYear(year).ToJapaneseLabel()} 市民活動団体提案協働事業（審査中）", ProposalType.GroupProposal, year, now.AddDays(-40), now.AddDays(-3), 900_000, 300_000, 3, "今年度の募集です。審査中のため、新しい提案は受け付けていません。");
        call.ReplaceCriteria(
        [
            new ScreeningCriterionDraft("公益性", "市民全体の利益につながるか", 3, 5),
            new ScreeningCriterionDraft("実現可能性", "計画・体制・予算が現実的か", 2, 5),
            new ScreeningCriterionDraft("協働の効果", "市と団体が組むことで効果が高まるか", 1, 5),
        ]);
        call.Publish();
        db.Calls.Add(call);
        await db.SaveChangesAsync();

        (string Title, CitizenGroup Group, Department Department)[] plans =
        [
            ("若者の就労体験と定着支援", groups[0], departments[1]),
            ("子ども食堂と学習支援の居場所づくり", groups[1], departments[4]),
            ("海岸と森の環境学習", groups[2], departments[3]),
        ];
        var proposals = plans.Select(plan => CompleteProposal(call, plan.Title, plan.Group.Id, plan.Department.Id, year, inside)).ToList();
        foreach (var proposal in proposals)
        {
            var key = await files.SaveAsync(new MemoryStream(DemoPdf), CancellationToken.None);
            proposal.AddAttachment("収支予算書.pdf", "application/pdf", DemoPdf.Length, key, "demo", inside);
            proposal.Submit(call, "demo", inside);
        }

        db.Proposals.AddRange(proposals);
        await db.SaveChangesAsync();

        call.StartScreening(now);
        proposals.ForEach(p => p.StartScreening("demo", now));
        var panel = new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 2, 600, now);
        foreach (var user in new[] { member, second, third })
        {
            panel.AddMember(user.Id, now);
        }

        panel.Declare(third.Id, proposals[2].Id, hasConflict: true, "提案団体の会員であるため", now);
        foreach (var (user, proposal) in new[] { second, third }.SelectMany(u => proposals.Select(p => (u, p))).Where(x => !panel.IsRecused(x.u.Id, x.p.Id)))
        {
            panel.Declare(user.Id, proposal.Id, hasConflict: false, null, now);
        }

        db.ScreeningPanels.Add(panel);
        await db.SaveChangesAsync();

        var criteria = RubricCriterion.FromCall(call);
        int[][] points = [[5, 4, 4], [4, 4, 3], [3, 4, 5], [5, 5, 4], [4, 3, 4]];
        var next = 0;
        foreach (var (user, proposal) in new[] { second, third }.SelectMany(u => proposals.Select(p => (u, p))).Where(x => !panel.IsRecused(x.u.Id, x.p.Id)))
        {
            var sheet = panel.OpenSheet(user.Id, proposal.Id, now);
            var row = points[next++ % points.Length];
            sheet.Save(panel, criteria, criteria.Select((c, i) => new ScoreEntryDraft(c.Id, row[i], false, null)), "計画がよく練られている。", now);
            sheet.Submit(panel, criteria, now);
            db.ScoreSheets.Add(sheet);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Seed 000 replayed in the demo city: last year's selected proposal 働くまち推進 (湘南就労サポート
    /// ネット with 商工課, two years, 参加費 1,000円 × 120人 planned), its three-party agreement, the
    /// first seminar free with 7 of 20 attending, the approved change request that made the fee 0円,
    /// a seminar this year that charged 500円 (flagged: the plan says 0円), and last year's report
    /// submitted and waiting for review.
    /// </summary>
    private async Task<Project> SeedProjectAsync(Department department, CitizenGroup group, AppUser staff, AppUser member)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lastYear = FiscalYear.Of(clock.GetUtcNow()).Previous();
        var year = lastYear.StartYear;
        var selectedAt = now.AddDays(-400);
        var call = new Call($"{lastYear.ToJapaneseLabel()} 市民活動団体提案協働事業", ProposalType.GroupProposal, year, selectedAt.AddDays(-90), selectedAt.AddDays(-60), 900_000, 300_000, 3, "昨年度の募集です（選考済み）。");
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", "市民全体の利益につながるか", 1, 5)]);
        call.Publish();
        call.StartScreening(selectedAt.AddDays(-30));
        db.Calls.Add(call);
        await db.SaveChangesAsync();

        var proposal = new Proposal(call, "働くまち推進 ～キャリアのセカンドステップ～", group.Id, department.Id, member.Id, selectedAt.AddDays(-70));
        proposal.UpdateOverview(proposal.Title, "ブランクのある女性が、就職の最初の一歩を踏み出せる場が少ない。", "就職セミナーと企業紹介で、働くことに関心のある人の就労を支援する。", "就労を希望する市内の女性", year, 2, group.Id, department.Id, selectedAt.AddDays(-70));
        proposal.ReplaceActivities([new ActivityDraft("就職支援セミナー", 6, 20, "年6回、定員20人。参加費1,000円。")], selectedAt.AddDays(-70));
        proposal.ReplaceSchedule([new ScheduleItemDraft(year, "セミナー6回"), new ScheduleItemDraft(year + 1, "セミナー6回と企業紹介")], selectedAt.AddDays(-70));
        proposal.ReplaceRoleSplits([new RoleSplitDraft("セミナーの企画・運営", "講師の手配と当日の運営", "会場の確保と広報紙への掲載")], selectedAt.AddDays(-70));
        proposal.ReplaceBudget([.. BalancedYear(year), .. BalancedYear(year + 1)], selectedAt.AddDays(-70));
        proposal.ReplaceKpis([new KpiDraft("参加者数", KpiKind.Quantitative, "人", "参加者名簿", [new(year, 120), new(year + 1, 120)])], selectedAt.AddDays(-70));
        proposal.Submit(call, member.Id, selectedAt.AddDays(-70));
        proposal.StartScreening("demo", selectedAt.AddDays(-30));
        proposal.Select("demo", "就労支援の新しい担い手として期待できる。", selectedAt);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();

        var project = Project.FromSelectedProposal(proposal, call, selectedAt);
        var draft = AgreementDraft.FromProposal(proposal, group.Name, department.Name);
        project.DraftAgreement(
            draft with { Parties = [.. draft.Parties, new AgreementPartyDraft(AgreementPartyKind.Other, null, null, "キャリア講師の会", "代表 中村 恵", "セミナー講師と企業紹介")] },
            call.MaxTermYears,
            selectedAt.AddDays(5));
        project.SignAgreement(lastYear.FirstDay, "demo", lastYear.FirstDay.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var baseline = ProjectPlan.Baseline(project, proposal, lastYear.FirstDay.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
        db.ProjectPlans.Add(baseline);
        var firstSeminar = lastYear.FirstDay.AddDays(45);
        db.ActivityRecords.Add(ActivityRecord.Record(project, new ActivityRecordDraft(firstSeminar, "第1回 就職支援セミナー", "商工会議所 会議室", 20, 7, 0, "集客のため参加費を取らなかった。"), member.Id, now));
        await db.SaveChangesAsync();

        var at = firstSeminar.AddDays(10).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        var drafts = baseline.Content.ToDrafts();
        var free = PlanContent.Create(drafts with
        {
            BudgetLines = [.. drafts.BudgetLines.Select(line => line.Category switch
            {
                BudgetCategory.ParticipantFees => line with { UnitPrice = 0 },
                BudgetCategory.Supplies => line with { Amount = 0 },
                _ => line,
            })],
        });
        var change = ChangeRequest.Submit(project, baseline, free, "第1回の参加者が定員20人に対し7人だったため、参加費を無料にして参加しやすくする。教材の印刷は市が行う。", ChangeRequestParty.Department, staff.Id, at);
        change.ApproveAsDepartment(baseline, staff.Id, at);
        change.ApproveAsCoordinator(baseline, "demo", at.AddDays(2));
        db.ChangeRequests.Add(change);
        await db.SaveChangesAsync();
        db.ProjectPlans.Add(ProjectPlan.Next(baseline, change, at.AddDays(2)));
        db.ActivityRecords.Add(ActivityRecord.Record(project, new ActivityRecordDraft(firstSeminar.AddDays(60), "第2回 就職支援セミナー", "商工会議所 会議室", 20, 11, 0, null), member.Id, now));
        var thisYear = lastYear.Next();
        if (thisYear.FirstDay.AddDays(40) <= DateOnly.FromDateTime(now))
        {
            db.ActivityRecords.Add(ActivityRecord.Record(project, new ActivityRecordDraft(thisYear.FirstDay.AddDays(40), "第1回 企業紹介セミナー", "市役所 第3会議室", 20, 14, 500, "資料代として500円をいただいた。"), member.Id, now));
        }

        var report = AnnualReport.Start(project, year, member.Id, now);
        report.UpdateSections(ReportActor.Group, new AnnualReportSections(
            "就職支援セミナーを6回開催し、延べ42人が参加した。4人が就職した。",
            "ブランクのある参加者が、応募書類の作成から就職まで伴走を受けられた。",
            "第1回の参加者が7人にとどまった。周知の方法を見直す必要がある。",
            "企業紹介セミナーを加え、講師の団体と三者で協定を結んで実施する。",
            "広報紙、団体のホームページ、SNSで周知した。"), now);
        report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("参加者数", 42, null, "参加者名簿", "定員120人に対して42人。就職者は4人。")], now);
        report.ReplaceBudgetActuals(ReportActor.Group,
        [
            new BudgetActualDraft(BudgetCategory.CityShare, "市負担金", 300_000),
            new BudgetActualDraft(BudgetCategory.ParticipantFees, "参加費", 0, "計画変更により無料"),
            new BudgetActualDraft(BudgetCategory.Honoraria, "講師謝礼", 180_000),
            new BudgetActualDraft(BudgetCategory.Rentals, "会場使用料", 120_000),
            new BudgetActualDraft(BudgetCategory.Supplies, "教材印刷費", 0, "市が印刷"),
        ], now);
        report.Submit(free, member.Id, now);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync();
        return project;
    }

    /// <summary>
    /// This year's 報告会 on last year's projects, held two weeks ago, with published minutes
    /// carrying seed 000's real exchanges on 働くまち推進: answers by 商工課 and by the group, a
    /// closing remark without an answer, and one open follow-up (周知 in the city's newsletter).
    /// </summary>
    private async Task SeedReportMeetingAsync(Project project, Department department, CitizenGroup group, AppUser member, AppUser second)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisYear = FiscalYear.Of(clock.GetUtcNow());
        var lastYear = thisYear.Previous();
        var heldOn = DateOnly.FromDateTime(now.AddHours(9)).AddDays(-14);
        var meeting = ReportMeeting.Schedule(new ReportMeetingDetails($"{thisYear.ToJapaneseLabel()}協働事業報告会（{lastYear.ToJapaneseLabel()}事業実施分）", heldOn, new TimeOnly(13, 30), new TimeOnly(16, 30), "市役所 第3会議室", lastYear.StartYear, IsPublic: true), "demo", now.AddDays(-40));
        meeting.SetAgenda([new AgendaItemDraft(project.Id, project.Title, $"{group.Name}／{department.Name}", "市民活動団体提案協働事業")], now.AddDays(-40));
        meeting.SetAttendees([member.Id, second.Id], now.AddDays(-40));
        meeting.MarkHeld(now.AddDays(-14));
        db.ReportMeetings.Add(meeting);
        await db.SaveChangesAsync();

        var at = now.AddDays(-12);
        var minutes = Minutes.Start(meeting, "demo", at);
        (AppUser Asker, string Question, AnswerParty? Party, string? Answer)[] exchanges =
        [
            (member, "主婦を対象として来年度も活動を継続するのか。国の方針は主婦に限らずシングルマザーやニートや高齢者の就労を勧めている。\nまた、セミナーは1年がかりでの内容設定になっている為、経済的猶予と時間的猶予がある方でなければセミナーを通しての就労は難しいだろう。この点はどうお考えか。", AnswerParty.Department,
                "勤労者福祉担当では、女性・就労に困難がある若者・一般の方を対象に就労支援を行なっている。高齢者の就労支援は高齢者いきいき課で、障害をお持ちの方の就労支援は障害福祉課で行っている。そうした状況において、団体が主婦による主婦の為の就職講座をご提案下さったので、一緒に取り組むこととなった。そうした経緯により、女性の就労に特化した支援をお願いしている。"),
            (second, "女性とは即ち主婦なのか。", AnswerParty.Department,
                "特に主婦に限定していない。団体のホームページからも申し込みが出来るが、連絡先として市の商工課も広報に掲載しているので、市には主婦以外の女性から申し込みいただいている。"),
            (member, "就職したのが４名というのは多いのか少ないのか。KPIを当初から作らなかったようだが、活動を継続する上でこの点をどう考えるか。", AnswerParty.Group,
                "１年活動してみて、就労人員をKPIにするのが妥当かどうかは検討してきたことである。事業の成果として４名の就労人員と示しはしたが、参加者１人１人と向き合って参加者ご自身が納得することに重きを置く方が、皆の為になると考えている。"),
            (second, "必ず需要がある事業だと思う。ケースを周知し、共感が得られれば参加者も多くなるだろう。PR戦略で潜在的ニーズを拡大していくような構想はお持ちなのか。", AnswerParty.Group,
                "団体のホームページで、セミナーのレビューは掲載している。今のお話を聞いて、動画を加える等の工夫をしてみようと思った。ホームページの作成には費用がかかるので、出来る範囲でのPR方法を考えていきたい。"),
            (member, "団体のホームページを見る方は元から活動に興味のある方だろう。市民への周知は協働をしているのだから市の広報紙等を活用できる。協働の良さを活用して欲しい。", null, null),
        ];
        foreach (var (asker, question, party, answer) in exchanges)
        {
            var row = minutes.AddRow(meeting, new QaRowDraft(project.Id, question, AskerKind.CommitteeMember, asker.Id, asker.DisplayName), at);
            if (party is { } answeredBy)
            {
                minutes.AddAnswer(row.Number, new QaAnswerDraft(answeredBy, answeredBy == AnswerParty.Department ? department.Name : "団体", null, answer!), at);
            }
            else
            {
                minutes.SetFollowUp(row.Number, new FollowUpDraft("市の広報紙でセミナーを周知する", department.Name, DateOnly.FromDateTime(now).AddDays(60)), at);
            }
        }

        minutes.Circulate(MinutesActor.Coordinator, "demo", at.AddDays(1));
        minutes.Approve(MinutesActor.Coordinator, "demo", at.AddDays(7));
        minutes.Publish(MinutesActor.Coordinator, "demo", at.AddDays(8));
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Seed 001 as a closed survey: its questions and the 25 answers collected by the prefecture's
    /// e-application system (recorded as imported, so no account is linked), giving the seed's counts.
    /// </summary>
    private async Task SeedSurveyAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var survey = new Survey(Seed001Survey.Draft(today.AddDays(-60), today.AddDays(-39)), "demo", now.AddDays(-70));
        foreach (var question in Seed001Survey.Questions)
        {
            survey.AddQuestion(question.Draft);
        }

        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        survey.Open("demo", now.AddDays(-60));
        foreach (var answers in Seed001Survey.Answers(survey))
        {
            db.SurveyResponses.Add(SurveyResponse.Record(survey, answers, SurveyMethod.Imported));
        }

        survey.Close("demo", now.AddDays(-38));
        survey.PublishResults("demo", now.AddDays(-30), SurveyResultsScope.Public);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Seed 002's guideline: its scheme, areas and period 1 (adopted 令和2年8月, FY2020–FY2024) with the
    /// measures of areas (1)–(4), most in charge of 地域のつながり推進課 and the funding ones also of
    /// 商工課 (staff@example.jp), and progress for FY2022 and FY2023: confirmed, submitted, one
    /// returned with the reason, FY2023's records of two measures still missing (overdue).
    /// </summary>
    private async Task SeedGuidelineAsync(Department[] departments)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var guideline = Seed002Guideline.Build();
        db.Guidelines.Add(guideline);
        var measures = Seed002Guideline.BuildMeasures(guideline, [departments[0].Id]).ToList();
        foreach (var measure in measures.Where(m => m.Area.Number == 2))
        {
            measure.Update(guideline, new MeasureDraft(measure.Title, measure.Description, measure.Area, measure.SubArea, measure.Classification, measure.IsPriority, [departments[0].Id, departments[1].Id]));
        }

        db.GuidelineMeasures.AddRange(measures);
        foreach (var (measure, index) in measures.Select((m, i) => (m, i)))
        {
            var first = new MeasureProgress(measure, 2022, new ProgressEntry(
                index % 3 == 0 ? MeasureProgressStatus.UnderConsideration : MeasureProgressStatus.InProgress,
                "庁内で取組の進め方を検討し、関係課と情報を共有した。",
                index % 2 == 0 ? "検討会 2回" : null,
                index % 2 == 0 ? 2m : null,
                MeasureEffectiveness.CannotJudge,
                "取組を始めたところで、効果はまだ判断できない。"));
            first.Submit(ProgressActor.Department, "demo", now);
            first.Confirm("demo", now);
            db.MeasureProgress.Add(first);
            if (index >= measures.Count - 2)
            {
                continue; // FY2023 not yet recorded: overdue on the matrix
            }

            var second = new MeasureProgress(measure, 2023, new ProgressEntry(
                measure.Classification.IsPriority ? MeasureProgressStatus.Done : MeasureProgressStatus.Continuing,
                "前年度の検討を踏まえて取組を実施した。",
                "講座・説明会 3回、参加者 延べ 62人",
                62m,
                index % 2 == 0 ? MeasureEffectiveness.High : MeasureEffectiveness.Some,
                "参加した団体から、活動の参考になったとの声が多かった。"));
            if (index % 4 != 3)
            {
                second.Submit(ProgressActor.Department, "demo", now);
            }

            if (index % 4 == 0)
            {
                second.Confirm("demo", now);
            }
            else if (index == 5)
            {
                second.Return("実績の人数の内訳（団体・個人）を記入してください。", "demo", now);
            }

            db.MeasureProgress.Add(second);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Seed 002's period review in progress: period 2 (FY2025–FY2029) added as a draft, every period-1
    /// measure under review; the first area's two measures decided (続行), the fund proposed for 修正
    /// with its new text and two committee opinions, the insurance scheme proposed for 削除, the rest
    /// assessed or waiting, and one new measure proposed (追加) from what groups asked for.
    /// </summary>
    private async Task SeedGuidelineReviewAsync(AppUser coordinator, AppUser committee, AppUser committee2)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var guideline = await db.Guidelines.Include(g => g.Periods).Include(g => g.Classifications).Include(g => g.Areas).ThenInclude(a => a.SubAreas).AsSplitQuery().SingleAsync();
        var first = guideline.PeriodNumbered(1);
        guideline.AddPeriod(2025, 2029);
        var measures = await db.GuidelineMeasures.Include(m => m.Period).Include(m => m.Area).Include(m => m.SubArea).Include(m => m.Classification)
            .Where(m => m.PeriodId == first.Id).OrderBy(m => m.Id).ToListAsync();
        var reviews = measures.Select(m => new MeasureReview(m)).ToList();
        db.MeasureReviews.AddRange(reviews);
        var decidedOn = DateOnly.FromDateTime(now);
        foreach (var (review, index) in reviews.Select((r, i) => (r, i)))
        {
            var measure = review.Measure!;
            if (index < 2)
            {
                review.Assess(ReviewImplementation.Implemented, MeasureEffectiveness.High, ReviewNecessity.Needed, "会議室の提供を始め、利用する団体が増えた。");
                review.Propose(guideline, MeasureDecision.Keep, "効果が高く、引き続き必要。", null);
                review.Decide(MeasureDecision.Keep, "委員会で異論なし。", coordinator.Id, decidedOn);
            }
            else if (measure.Title == "市民活動を支援するための基金の設置")
            {
                review.Assess(ReviewImplementation.Implemented, MeasureEffectiveness.Some, ReviewNecessity.NeedsChange, "基金を設置し、寄附が集まったが、使い道が限られている。");
                review.Propose(guideline, MeasureDecision.Revise, "寄附の使い道を団体の提案で決められるようにする。", new MeasureDraft(
                    "市民活動支援基金の活用の拡大", "基金の使い道を市民活動団体の提案で決める仕組みをつくります。", measure.Area, measure.SubArea, measure.Classification, IsPriority: true, []));
                review.AddOpinion(committee.Id, "使い道と実績を毎年公表してほしい。", now.AddDays(-3));
                review.AddOpinion(committee2.Id, "寄附者が使い道を選べるとよい。", now.AddDays(-2));
            }
            else if (measure.Title == "市民活動補償制度")
            {
                review.Assess(ReviewImplementation.Implemented, MeasureEffectiveness.Low, ReviewNecessity.NotNeeded, "市の総合賠償保険で補える範囲が広がった。");
                review.Propose(guideline, MeasureDecision.Delete, "市の保険制度に統合する。", null);
            }
            else if (index % 3 == 0)
            {
                review.Assess(ReviewImplementation.Partly, MeasureEffectiveness.CannotJudge, ReviewNecessity.Needed, null);
            }
        }

        db.MeasureReviews.Add(MeasureReview.ForNewMeasure(guideline, first, new MeasureDraft(
            "若者の市民活動への参加の促進", "学生や若い世代が市民活動を体験できる機会をつくります。", guideline.AreaNumbered(4), null, guideline.FindClassification("Ⅰ"), IsPriority: true, []),
            "意見交換会で、担い手の高齢化と若い世代の参加が多く話題になった。"));
        await db.SaveChangesAsync();
    }

    /// An open survey of citizens for anyone with the link (seed 002 plans one to measure the
    /// guideline's achievements): answered without signing in through the link on its page.
    /// </summary>
    private async Task SeedLinkSurveyAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var survey = new Survey(
            new SurveyDraft(DemoLinkSurveyTitle, "協働指針に掲げた成果の達成度を、市民の実感から測る。", today.AddDays(-7), today.AddDays(30), SurveyMethod.Online, SurveyAudienceKind.AnyoneWithLink, null, IsAnonymous: true),
            "demo",
            now.AddDays(-10));
        survey.AddQuestion(new QuestionDraft(QuestionKind.SingleChoice, "市民活動団体と市が協働して取り組む事業があることを知っていますか。", true, ["よく知っている", "少し知っている", "知らない"]));
        survey.AddQuestion(new QuestionDraft(QuestionKind.Rating, "協働の取組によって、地域の課題の解決が進んでいると感じますか。", true, ["感じる", "どちらかといえば感じる", "どちらかといえば感じない", "感じない"], AsksReason: true, ReasonPrompt: "そう思う理由"));
        survey.AddQuestion(new QuestionDraft(QuestionKind.FreeText, "協働について、ご意見があればお書きください。", false, []));
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        survey.Open("demo", now.AddDays(-7));
        await db.SaveChangesAsync();
    }

    public const string DemoLinkSurveyTitle = "協働に関する市民意識アンケート";

    private static Proposal CompleteProposal(Call call, string title, int groupId, int departmentId, int year, DateTime at)
    {
        var proposal = new Proposal(call, title, groupId, departmentId, "demo", at);
        proposal.UpdateOverview(title, "地域で支援を必要とする人に届く場が足りない。", "団体と市が役割を分担して、継続できる仕組みをつくる。", "市内の住民", year, 2, groupId, departmentId, at);
        proposal.ReplaceActivities([new ActivityDraft("講座・体験会", 6, 20, "年6回、定員20人")], at);
        proposal.ReplaceSchedule([new ScheduleItemDraft(year, "講座6回と参加者の募集"), new ScheduleItemDraft(year + 1, "講座6回と振り返り")], at);
        proposal.ReplaceRoleSplits([new RoleSplitDraft("広報", "チラシ作成とSNS発信", "広報紙への掲載")], at);
        proposal.ReplaceBudget([.. BalancedYear(year), .. BalancedYear(year + 1)], at);
        proposal.ReplaceKpis([new KpiDraft("参加者数", KpiKind.Quantitative, "人", "参加者名簿", [new(year, 120), new(year + 1, 120)])], at);
        return proposal;
    }

    /// <summary>Seed 000's budget: city 300,000円 + fees 1,000円 × 120 = 420,000円 of expenses.</summary>
    private static IEnumerable<BudgetLineDraft> BalancedYear(int year) =>
    [
        new(year, BudgetCategory.CityShare, "市負担金", 300_000),
        new(year, BudgetCategory.ParticipantFees, "参加費", null, UnitPrice: 1_000, Quantity: 120),
        new(year, BudgetCategory.Honoraria, "講師謝礼", 180_000),
        new(year, BudgetCategory.Rentals, "会場使用料", 120_000),
        new(year, BudgetCategory.Supplies, "教材印刷費", 120_000),
    ];

    private async Task<AppUser> CreateUserAsync(string email, string displayName, string role, string password, Department? department = null, CitizenGroup? group = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            DepartmentId = department?.Id,
            CitizenGroupId = group?.Id,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Stored as a hash without the password validators: the demo passphrase is published in the
        // README, so the common-password list refuses it for every real account (Development only).
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Departments} departments, {Groups} groups, 7 accounts, a call open for proposals and a call under screening")]
    private static partial void LogSeeded(ILogger logger, int departments, int groups);
}
