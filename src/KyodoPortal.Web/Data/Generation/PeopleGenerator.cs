using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// People and groups: 40 departments, the citizen groups (2,000 at scale 1) with their directory
/// profiles, and the accounts — coordinators, committee members, one staff member per department
/// and one member per group. Every account shares one password hash (hashing thousands of
/// passwords would take minutes); the demo addresses (coordinator@, staff@, group@, committee@
/// example.jp) are the ones the README lists.
/// </summary>
internal sealed class PeopleGenerator(GenerationSession session, IPasswordHasher<AppUser> hasher)
{
    private static readonly (string Name, string Division)[] DepartmentNames =
    [
        ("地域のつながり推進課", "共創計画部"), ("商工課", "市民生活部"), ("福祉総務課", "健康福祉部"), ("環境政策課", "環境部"),
        ("こども支援課", "こどもみらい部"), ("高齢者いきいき課", "健康福祉部"), ("障害福祉課", "健康福祉部"), ("生涯学習課", "教育文化財部"),
        ("観光課", "市民生活部"), ("農水課", "市民生活部"), ("総合防災課", "防災安全部"), ("市民相談課", "市民生活部"),
        ("文化人権課", "共創計画部"), ("スポーツ課", "教育文化財部"), ("都市計画課", "都市景観部"), ("道路課", "都市整備部"),
        ("公園海浜課", "都市整備部"), ("市民健康課", "健康福祉部"), ("保育課", "こどもみらい部"), ("青少年課", "こどもみらい部"),
        ("教育指導課", "教育文化財部"), ("中央図書館", "教育文化財部"), ("国際交流課", "共創計画部"), ("男女共同参画課", "共創計画部"),
        ("広報課", "共創計画部"), ("企画課", "共創計画部"), ("交通政策課", "都市整備部"), ("住宅課", "まちづくり計画部"),
        ("ごみ減量対策課", "環境部"), ("環境保全課", "環境部"), ("消防総務課", "消防本部"), ("生活福祉課", "健康福祉部"),
        ("子ども相談課", "こどもみらい部"), ("発達支援室", "こどもみらい部"), ("学校施設課", "教育文化財部"), ("歴史まちづくり推進課", "まちづくり計画部"),
        ("景観課", "都市景観部"), ("産業振興課", "市民生活部"), ("雇用労働課", "市民生活部"), ("地域共生課", "健康福祉部"),
    ];

    private static readonly string[] CoordinatorEmails = ["coordinator@example.jp", "coordinator2@example.jp", "coordinator3@example.jp"];

    public async Task RunAsync()
    {
        var random = session.Random;
        var text = session.Text;
        await using var unit = session.Begin();
        var db = unit.Db;

        var departments = DepartmentNames
            .Select((d, i) => new Department(d.Name, d.Division, $"dept{i + 1:00}@city.example.jp", $"0467-00-{i + 1:0000}"))
            .ToList();
        db.Departments.AddRange(departments);

        var groupCount = Math.Max(12, (int)Math.Round(2000 * session.Options.Scale));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<CitizenGroup>(groupCount);
        for (var i = 0; i < groupCount; i++)
        {
            var form = random.WeightedRandom(
                [LegalForm.NpoCorporation, LegalForm.CertifiedNpoCorporation, LegalForm.GeneralIncorporatedAssociation, LegalForm.VoluntaryAssociation, LegalForm.NeighborhoodAssociation, LegalForm.Other],
                [0.35f, 0.05f, 0.12f, 0.30f, 0.15f, 0.03f]);
            var name = text.GroupName(form);
            for (var attempt = 2; !names.Add(name); attempt++)
            {
                name = $"{text.GroupName(form)}（第{attempt}）";
            }

            var group = new CitizenGroup(name, null, form, text.PersonName(), $"{text.Area()}地域");
            var fields = random.Shuffle(Enumerable.Range(1, 15)).Take(random.Int(1, 3)).ToList();
            group.UpdateProfile(new GroupProfile(
                random.Int(1970, 2022),
                random.Int(5, 300),
                text.GroupDescription(),
                random.Bool(0.5f) ? "講師経験のある会員、イベント運営のノウハウ" : null,
                random.Bool(0.3f) ? $"https://group{i + 1:0000}.example.jp" : null,
                random.Bool(0.6f) ? $"info{i + 1:0000}@group.example.jp" : null,
                null,
                IsPublished: random.Bool(0.85f),
                fields));
            groups.Add(group);
        }

        db.CitizenGroups.AddRange(groups);
        await unit.SaveAsync();

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var taken = (await db.Users.Select(u => u.NormalizedEmail!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var hash = hasher.HashPassword(new AppUser(), session.Options.Password);
        var now = GenerationSession.At(session.Today);

        string Account(string email, string displayName, string role, int? departmentId = null, int? groupId = null)
        {
            var id = random.Guid().ToString();
            var normalized = email.ToUpperInvariant();
            if (!taken.Add(normalized))
            {
                return id;
            }

            db.Users.Add(new AppUser
            {
                Id = id,
                UserName = email,
                NormalizedUserName = normalized,
                Email = email,
                NormalizedEmail = normalized,
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = random.Guid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = random.Guid().ToString(),
                LockoutEnabled = true,
                DisplayName = displayName,
                DepartmentId = departmentId,
                CitizenGroupId = groupId,
                CreatedAtUtc = now,
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roles[role] });
            return id;
        }

        Account("admin@example.jp", "システム管理者", KyodoRoles.Administrator);
        var coordinators = CoordinatorEmails
            .Select(email => Account(email, $"{text.PersonName()}（{departments[0].Name}）", KyodoRoles.Coordinator, departments[0].Id))
            .ToList();
        var committee = Enumerable.Range(1, 10)
            .Select(n => (Email: n == 1 ? "committee@example.jp" : $"committee{n}@example.jp", Name: $"{text.PersonName()}（市民活動推進委員会）"))
            .Select(m => new PersonRef(Account(m.Email, m.Name, KyodoRoles.CommitteeMember), m.Name))
            .ToList();
        var staff = departments.Skip(1).Select((d, i) => (d.Id, UserId: Account(i == 0 ? "staff@example.jp" : $"staff{i + 1:00}@example.jp", $"{text.PersonName()}（{d.Name}）", KyodoRoles.DepartmentStaff, d.Id)))
            .ToDictionary(x => x.Id, x => x.UserId);
        var members = groups.Select((g, i) => (g.Id, UserId: Account(i == 0 ? "group@example.jp" : $"group{i + 1:0000}@example.jp", text.PersonName(), KyodoRoles.GroupMember, groupId: g.Id)))
            .ToDictionary(x => x.Id, x => x.UserId);
        await unit.SaveAsync();

        session.People = new CityPeople(
            [.. departments.Select(d => new OrgRef(d.Id, d.Name))],
            [.. groups.Select(g => new OrgRef(g.Id, g.Name))],
            staff,
            members,
            coordinators,
            committee);
    }
}
