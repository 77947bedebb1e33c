using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Infrastructure;

[Trait("Category", "Database")]
public sealed class MailTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task By_default_mail_is_written_to_the_pickup_folder_in_Japanese()
    {
        var sender = factory.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(new OutgoingMail(["group@example.jp"], "【協働ポータル】選考結果のお知らせ", "提案「就労支援セミナー事業」は採択されました。"), CancellationToken.None);

        var mail = Assert.Single(PickupMail.ReadAll(factory.DataFolder));
        Assert.Equal("group@example.jp", mail.To);
        Assert.Equal("【協働ポータル】選考結果のお知らせ", mail.Subject);
        Assert.Contains("採択されました", mail.Body, StringComparison.Ordinal);

        // What a pickup service takes: only finished *.eml files, RFC 5322 line ends, 7-bit.
        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.DataFolder, "mail")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 128));
        Assert.DoesNotContain(bytes.Select((b, i) => (b, i)), x => x.b == '\n' && (x.i == 0 || bytes[x.i - 1] != '\r'));
    }
}
