using System.Text;
using System.Text.RegularExpressions;
using KyodoPortal.Web.Infrastructure.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace KyodoPortal.Tests.Infrastructure.Files;

public sealed partial class LocalFileStoreTests : IDisposable
{
    private readonly string _sandbox = Path.Combine(Path.GetTempPath(), "kyodo-files-" + Guid.NewGuid().ToString("N"));
    private readonly string _folder;
    private readonly string _secret;
    private readonly LocalFileStore _store;

    public LocalFileStoreTests()
    {
        // <sandbox>/secret.txt sits next to the store's folder: the thing a traversal would reach for.
        Directory.CreateDirectory(_sandbox);
        _secret = Path.Combine(_sandbox, "secret.txt");
        File.WriteAllText(_secret, "do not serve");
        _folder = Path.Combine(_sandbox, "data", "files");
        _store = new LocalFileStore(_folder);
    }

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    [Fact]
    public async Task A_saved_file_reads_back_and_is_gone_after_delete()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 提案書");
        using var content = new MemoryStream(bytes);

        var key = await _store.SaveAsync(content, CancellationToken.None);

        var stream = await _store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        using (var copy = new MemoryStream())
        {
            await using (stream)
            {
                Assert.False(stream.CanWrite);
                await stream.CopyToAsync(copy);
            }

            Assert.Equal(bytes, copy.ToArray());
        }

        await _store.DeleteAsync(key, CancellationToken.None);
        Assert.Null(await _store.OpenReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Keys_are_32_random_hex_characters_and_files_are_sharded_by_their_first_two()
    {
        using var content = new MemoryStream([1, 2, 3]);

        var first = await _store.SaveAsync(content, CancellationToken.None);
        content.Position = 0;
        var second = await _store.SaveAsync(content, CancellationToken.None);

        Assert.Matches(KeyPattern(), first);
        Assert.Matches(KeyPattern(), second);
        Assert.NotEqual(first, second);
        Assert.True(File.Exists(Path.Combine(_folder, first[..2], first)));
        Assert.True(LocalFileStore.IsValidKey(first));
    }

    [Fact]
    public async Task Saving_leaves_no_temporary_file_behind()
    {
        using var content = new MemoryStream(new byte[200_000]);

        await _store.SaveAsync(content, CancellationToken.None);

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "tmp")));
    }

    [Fact]
    public async Task A_cancelled_save_leaves_nothing_behind()
    {
        using var content = new MemoryStream(new byte[200_000]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync(content, cancelled.Token));

        Assert.Empty(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_folder_is_created_on_the_first_save()
    {
        Assert.False(Directory.Exists(_folder));
        using var content = new MemoryStream([1]);

        await _store.SaveAsync(content, CancellationToken.None);

        Assert.True(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Opening_an_unknown_key_gives_null()
    {
        Assert.Null(await _store.OpenReadAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_unknown_key_is_not_an_error()
    {
        await _store.DeleteAsync("0123456789abcdef0123456789abcdef", CancellationToken.None);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..%2F..%2Fsecret.txt")]
    [InlineData("../../../secret.txt")]
    [InlineData("../../secret.txt/////////////////")]
    [InlineData("..\\..\\secret.txt\\\\\\\\\\\\\\\\\\\\\\")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcde\0")]
    [InlineData("０１２３４５６７８９abcdef0123456789abcdef")]
    [InlineData("")]
    public async Task A_tampered_key_never_reaches_the_file_system(string key)
    {
        Assert.False(LocalFileStore.IsValidKey(key));

        Assert.Null(await _store.OpenReadAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, CancellationToken.None));

        Assert.True(File.Exists(_secret));
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void A_null_key_is_not_valid()
    {
        Assert.False(LocalFileStore.IsValidKey(null));
    }

    [Fact]
    public async Task The_store_lives_in_the_files_folder_of_the_data_folder_and_limits_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataPath"] = Path.Combine(_sandbox, "data"),
                ["Storage:Attachments:MaxBytes"] = "2048",
            })
            .Build();
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.ContentRootPath).Returns(_sandbox);
        var services = new ServiceCollection().AddLogging();

        services.AddKyodoFileStore(configuration, environment.Object);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var store = Assert.IsType<LocalFileStore>(provider.GetRequiredService<IFileStore>());
        Assert.Equal(Path.GetFullPath(_folder), store.Folder);
        var policy = provider.GetRequiredService<IOptions<AttachmentPolicy>>().Value;
        Assert.Equal(2048, policy.MaxBytes);
        Assert.Equal(10, policy.MaxPerProposal);
        Assert.Same(policy, provider.GetRequiredService<AttachmentValidator>().Policy);
    }

    [Fact]
    public async Task A_validated_upload_can_be_saved_from_the_same_stream()
    {
        var validator = new AttachmentValidator(Options.Create(new AttachmentPolicy()), Microsoft.Extensions.Logging.Abstractions.NullLogger<AttachmentValidator>.Instance);
        using var upload = new MemoryStream(SampleFiles.Xlsx);

        var result = await validator.ValidateAsync(upload, "収支予算書.xlsx", upload.Length);
        var key = await _store.SaveAsync(upload, CancellationToken.None);

        Assert.True(result.IsAccepted);
        var stored = await _store.OpenReadAsync(key, CancellationToken.None);
        await using (stored)
        {
            Assert.Equal(SampleFiles.Xlsx.Length, stored!.Length);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
