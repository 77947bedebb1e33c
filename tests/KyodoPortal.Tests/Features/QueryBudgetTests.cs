using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Every page runs a small, fixed number of SQL commands however many rows it shows (the
/// fixture has several of each), so an N+1 query fails here first. Signed-in pages include the
/// one query that checks the session against the user's security stamp.
/// </summary>
[Trait("Category", "Database")]
public sealed class QueryBudgetTests(QueryBudgetTests.Factory factory) : IClassFixture<QueryBudgetTests.Factory>
{
    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public string AdminId { get; private set; } = string.Empty;

        public int DepartmentId { get; private set; }

        public int GroupId { get; private set; }

        public PageClient Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            for (var i = 0; i < 8; i++)
            {
                DepartmentId = (await AddDepartmentAsync($"予算確認課{i}")).Id;
                GroupId = (await AddGroupAsync($"予算確認団体{i}")).Id;
                await CreateUserAsync($"budget{i}@example.jp", [KyodoRoles.GroupMember, KyodoRoles.CommitteeMember], departmentId: null, groupId: GroupId);
            }

            AdminId = (await CreateUserAsync("budget-admin@example.jp", KyodoRoles.Administrator)).Id;
            Admin = CreatePageClient();
            await Admin.SignInAsync("budget-admin@example.jp", Password);
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Admin.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("/", 2)]
    [InlineData("/admin/users", 3)]
    [InlineData("/admin/users?role=GroupMember&q=budget", 3)]
    [InlineData("/admin/users/new", 3)]
    [InlineData("/admin/users/{admin}", 5)]
    [InlineData("/departments", 3)]
    [InlineData("/departments/new", 1)]
    [InlineData("/departments/{department}/edit", 2)]
    [InlineData("/groups", 3)]
    [InlineData("/groups?legalForm=NpoCorporation&q=予算", 3)]
    [InlineData("/groups/new", 1)]
    [InlineData("/groups/{group}/edit", 2)]
    [InlineData("/account/password", 1)]
    public async Task A_signed_in_page_stays_within_its_query_budget(string url, int budget)
    {
        var resolved = url.Replace("{admin}", factory.AdminId, StringComparison.Ordinal)
            .Replace("{department}", factory.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{group}", factory.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        factory.SqlCommands.Reset();
        await factory.Admin.GetPageAsync(resolved);

        Assert.InRange(factory.SqlCommands.Count, 1, budget);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    public async Task A_public_page_runs_no_query_at_all(string url)
    {
        using var anonymous = factory.CreatePageClient();

        factory.SqlCommands.Reset();
        await anonymous.GetPageAsync(url);

        Assert.Equal(0, factory.SqlCommands.Count);
    }
}
