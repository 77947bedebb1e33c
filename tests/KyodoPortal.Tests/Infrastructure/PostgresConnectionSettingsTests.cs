using KyodoPortal.Web.Infrastructure.Persistence;
using Npgsql;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL connection string gets the settings EF's many short queries need (no reset of a
/// pooled connection, statements prepared after two uses) unless the operator chose otherwise.
/// </summary>
public sealed class PostgresConnectionSettingsTests
{
    [Fact]
    public void A_plain_connection_string_keeps_sessions_and_prepares_statements()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DatabaseServiceCollectionExtensions.PostgresConnectionString("Host=db;Username=kyodo;Password='a;b';Database=kyodo"));

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(100, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("db", settings.Host);
        Assert.Equal("kyodo", settings.Database);
        Assert.Equal("a;b", settings.Password);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0;Auto Prepare Min Usages=5")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0;AutoPrepareMinUsages=5")]
    [InlineData("Host=db;no reset on close=False;max auto prepare=0;auto prepare min usages=5")]
    public void What_the_operator_set_wins(string configured)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.PostgresConnectionString(configured));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(5, settings.AutoPrepareMinUsages);
    }
}
