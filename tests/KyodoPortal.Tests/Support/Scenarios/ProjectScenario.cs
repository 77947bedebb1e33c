using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>
/// The seed-000 project in the database, as integration tests of the execution stage need it: a
/// group and its partner department (商工課), a selected two-year proposal starting this fiscal
/// year (市負担金 300,000円 + 参加費 1,000円 × 120人 = 420,000円 a year; セミナー 6回 × 20人;
/// KPI 参加者数 120人), its project, and — unless <c>agreementSigned: false</c> — the agreement signed on
/// the first day of the fiscal year with the baseline plan (当初計画). Accounts: one member of the
/// group, one staff member of the department, a coordinator, and a member of another group.
/// With <c>thirdParties: true</c> the agreement also names the lecturer's group (講師の団体, the third
/// party of a 三者協定) and a co-signing department (産業振興課), each with an account.
/// With <c>departmentOnly: true</c> the proposal is the department's own (行政提案, no group) with a
/// 団体-only role row (受付), and the agreement names the department and the co-signing department.
/// </summary>
public sealed class ProjectScenario
{
    public const string SeminarActivity = "就職支援セミナー";

    private ProjectScenario(KyodoWebFactory factory, CitizenGroup group, Department department, Call call, Proposal proposal, Project project)
    {
        Factory = factory;
        Group = group;
        Department = department;
        Call = call;
        Proposal = proposal;
        Project = project;
    }

    public KyodoWebFactory Factory { get; }

    public CitizenGroup Group { get; }

    public Department Department { get; }

    public Call Call { get; }

    public Proposal Proposal { get; }

    /// <summary>As created (and signed); reload through the factory for later states.</summary>
    public Project Project { get; private set; }

    /// <summary>The first fiscal year of the project: the current one unless created <c>yearsAgo</c>.</summary>
    public int FirstYear => Proposal.StartFiscalYear;

    public string ProjectUrl => $"/projects/{Project.Id}";

    public string GroupMemberEmail { get; private set; } = string.Empty;

    public string DepartmentStaffEmail { get; private set; } = string.Empty;

    public string CoordinatorEmail { get; private set; } = string.Empty;

    public string OtherGroupMemberEmail { get; private set; } = string.Empty;

    /// <summary>The lecturer's group named in the agreement (only with <c>thirdParties: true</c>).</summary>
    public CitizenGroup? LecturerGroup { get; private set; }

    /// <summary>A second department named in the agreement (only with <c>thirdParties: true</c>).</summary>
    public Department? CoSigningDepartment { get; private set; }

    public string LecturerMemberEmail { get; private set; } = string.Empty;

    public string CoSigningStaffEmail { get; private set; } = string.Empty;

    /// <param name="factory">The app.</param>
    /// <param name="agreementSigned">False to leave the project 協定準備中.</param>
    /// <param name="yearsAgo">Start the project this many fiscal years before the current one (1: the current year is its last).</param>
    /// <param name="thirdParties">Name the lecturer's group and a second department in the agreement too.</param>
    /// <param name="title">The proposal's (so the project's) title instead of the seed's with a suffix (lists that sort by title).</param>
    /// <param name="departmentOnly">A department's proposal without a group; the agreement of the department and a second one.</param>
    public static async Task<ProjectScenario> CreateAsync(KyodoWebFactory factory, bool agreementSigned = true, int yearsAgo = 0, bool thirdParties = false, string? title = null, bool departmentOnly = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var year = FiscalYear.Of(DateTimeOffset.UtcNow).StartYear - yearsAgo;
        var now = DateTime.UtcNow;
        var group = await factory.AddGroupAsync("かまくら主婦'sネットワーク" + suffix);
        var department = await factory.AddDepartmentAsync("商工課" + suffix);
        var other = await factory.AddGroupAsync("別の団体" + suffix);
        var lecturer = thirdParties ? await factory.AddGroupAsync("講師の団体" + suffix) : null;
        var coSigning = thirdParties || departmentOnly ? await factory.AddDepartmentAsync("産業振興課" + suffix) : null;

        var call = new Call("協働事業提案" + suffix, departmentOnly ? ProposalType.DepartmentProposal : ProposalType.GroupProposal, year, now.AddDays(-60), now.AddDays(-30), 900_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 1, 5)]);
        call.Publish();
        call.StartScreening(now.AddDays(-20));
        await factory.AddAsync(call);

        var proposingGroupId = departmentOnly ? (int?)null : group.Id;
        var proposal = new Proposal(call, title ?? "働くまち推進 ～キャリアのセカンドステップ～" + suffix, proposingGroupId, department.Id, "seed", now.AddDays(-40));
        var content = departmentOnly
            ? ProposalContent.Seed000Project with { RoleSplits = [new RoleSplitDraft("広報", null, "広報紙への掲載"), new RoleSplitDraft("受付", "受付係", null)] }
            : ProposalContent.Seed000Project;
        Recipes.Complete(proposal, year, 2, proposingGroupId, department.Id, now.AddDays(-40), content);
        proposal.Submit(call, "seed", now.AddDays(-40));
        proposal.StartScreening("seed", now.AddDays(-20));
        proposal.Select("seed", null, now.AddDays(-10));
        await factory.AddAsync(proposal);

        var project = Project.FromSelectedProposal(proposal, call, now.AddDays(-10));
        if (agreementSigned)
        {
            var agreement = AgreementDraft.FromProposal(proposal, group.Name, department.Name);
            if (lecturer is not null && coSigning is not null)
            {
                agreement = agreement with
                {
                    Parties =
                    [
                        .. agreement.Parties,
                        new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, lecturer.Id, null, lecturer.Name, Role: "セミナー講師と企業紹介"),
                        new AgreementPartyDraft(AgreementPartyKind.Department, null, coSigning.Id, coSigning.Name, Role: "企業への周知"),
                    ],
                };
            }

            if (departmentOnly)
            {
                agreement = agreement with
                {
                    Parties = [.. agreement.Parties, new AgreementPartyDraft(AgreementPartyKind.Department, null, coSigning!.Id, coSigning.Name)],
                    RoleSplits = [new AgreementRoleSplitDraft("広報", ["広報紙への掲載", "企業への周知"])],
                };
            }

            project.DraftAgreement(agreement, call.MaxTermYears, now.AddDays(-9));
            project.SignAgreement(new FiscalYear(year).FirstDay, "seed", now.AddDays(-8));
        }

        await factory.AddAsync(project);
        if (agreementSigned)
        {
            await factory.AddAsync(ProjectPlan.Baseline(project, proposal, now.AddDays(-8)));
        }

        var scenario = new ProjectScenario(factory, group, department, call, proposal, project)
        {
            GroupMemberEmail = $"member-{suffix}@example.jp",
            DepartmentStaffEmail = $"shoko-{suffix}@example.jp",
            CoordinatorEmail = $"office-{suffix}@example.jp",
            OtherGroupMemberEmail = $"other-{suffix}@example.jp",
            LecturerGroup = lecturer,
            CoSigningDepartment = coSigning,
            LecturerMemberEmail = $"lecturer-{suffix}@example.jp",
            CoSigningStaffEmail = $"sangyo-{suffix}@example.jp",
        };
        await factory.CreateUserAsync(scenario.GroupMemberEmail, [KyodoRoles.GroupMember], null, group.Id);
        await factory.CreateUserAsync(scenario.DepartmentStaffEmail, [KyodoRoles.DepartmentStaff], department.Id, null);
        await factory.CreateUserAsync(scenario.CoordinatorEmail, [KyodoRoles.Coordinator], null, null);
        await factory.CreateUserAsync(scenario.OtherGroupMemberEmail, [KyodoRoles.GroupMember], null, other.Id);
        if (lecturer is not null && coSigning is not null)
        {
            await factory.CreateUserAsync(scenario.LecturerMemberEmail, [KyodoRoles.GroupMember], null, lecturer.Id);
            await factory.CreateUserAsync(scenario.CoSigningStaffEmail, [KyodoRoles.DepartmentStaff], coSigning.Id, null);
        }

        return scenario;
    }

    public Task<PageClient> GroupMemberAsync() => SignInAsync(GroupMemberEmail);

    public Task<PageClient> DepartmentStaffAsync() => SignInAsync(DepartmentStaffEmail);

    public Task<PageClient> CoordinatorAsync() => SignInAsync(CoordinatorEmail);

    public Task<PageClient> OtherGroupMemberAsync() => SignInAsync(OtherGroupMemberEmail);

    public Task<PageClient> LecturerMemberAsync() => SignInAsync(LecturerMemberEmail);

    public Task<PageClient> CoSigningStaffAsync() => SignInAsync(CoSigningStaffEmail);

    /// <summary>The project as stored now.</summary>
    public Task<Project> ReloadAsync() =>
        Factory.QueryAsync(db => db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == Project.Id));

    /// <summary>Changes the stored project through the domain (e.g. to reach a state quickly) and saves.</summary>
    public async Task UpdateAsync(Func<KyodoDbContext, Project, Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var project = await db.Projects.AsSplitQuery().SingleAsync(p => p.Id == Project.Id);
        await change(db, project);
        await db.SaveChangesAsync();
        Project = project;
    }

    private async Task<PageClient> SignInAsync(string email)
    {
        var client = Factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }
}
