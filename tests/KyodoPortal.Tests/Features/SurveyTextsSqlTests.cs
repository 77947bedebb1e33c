using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The results page's first texts per group come from SQL the app writes (window functions EF's LINQ
/// cannot say); it runs on SQLite and PostgreSQL in the suite, and here it is built for SQL Server —
/// the model's table and column names in SQL Server's quoting — without a server.
/// </summary>
public sealed class SurveyTextsSqlTests
{
    [Fact]
    public void The_first_texts_per_group_are_written_in_SQL_Servers_quoting_with_the_models_names()
    {
        using var db = new SqlServerKyodoDbContext(new DbContextOptionsBuilder<SqlServerKyodoDbContext>()
            .UseSqlServer("Server=sqlserver.invalid;Database=kyodo;Connect Timeout=1;Encrypt=false")
            .Options);

        var sql = SurveyQueries.FirstTextsSql(db, surveyId: 7, anonymous: true, limit: 10).ToQueryString();

        Assert.Contains("FROM [SurveyAnswers] a WHERE a.[QuestionId] IN (SELECT q.[Id] FROM [SurveyQuestions] q WHERE q.[SurveyId] = @p0)", sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT MIN(c.[OptionId]) FROM [SurveyAnswerChoices] c WHERE c.[ResponseId] = a.[ResponseId] AND c.[QuestionId] = a.[QuestionId])", sql, StringComparison.Ordinal);
        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY u.[QuestionId], u.[OptionId], u.[Kind] ORDER BY u.[Text], u.[AnswerId])", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE t.[Position] <= @p1", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", sql, StringComparison.Ordinal);
    }
}
