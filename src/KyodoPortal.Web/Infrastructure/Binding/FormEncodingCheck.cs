using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Binding;

/// <summary>
/// A posted form (<c>application/x-www-form-urlencoded</c>) whose percent-encoded bytes are not
/// UTF-8 (<c>%ED%A0%80</c>, a lone surrogate) is decoded by ASP.NET Core into the literal text
/// "%ED%A0%80", which would then be stored. This middleware reads the body once more as it arrives
/// (buffered, so MVC reads it again) and marks the request; <see cref="UndecodableFormFilter"/> turns
/// the mark into a refusal on the form, so nothing is saved and the person is told why.
/// </summary>
public sealed class FormEncodingCheck(RequestDelegate next)
{
    public const string Undecodable = "kyodo.form-undecodable";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.EnableBuffering();
            if (!await IsUtf8Async(request.Body, context.RequestAborted))
            {
                context.Items[Undecodable] = true;
            }

            request.Body.Position = 0;
        }

        await next(context);
    }

    /// <summary>Percent-decodes the body chunk by chunk (a sequence may straddle two) and checks the bytes are UTF-8.</summary>
    private static async Task<bool> IsUtf8Async(Stream body, CancellationToken cancellationToken)
    {
        var decoder = Strict.GetDecoder();
        var buffer = new byte[8192];
        var decoded = new byte[8192];
        var chars = new char[Strict.GetMaxCharCount(decoded.Length)];
        var pending = new List<byte>(2);
        var inEscape = false;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var count = 0;
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (inEscape)
                    {
                        pending.Add(b);
                        if (pending.Count < 2)
                        {
                            continue;
                        }

                        inEscape = false;
                        if (!IsHex(pending[0]) || !IsHex(pending[1]))
                        {
                            // Not an escape: ASP.NET Core keeps "%zz" as typed.
                            decoded[count++] = (byte)'%';
                            decoded[count++] = pending[0];
                            decoded[count++] = pending[1];
                        }
                        else
                        {
                            decoded[count++] = (byte)((HexValue(pending[0]) << 4) | HexValue(pending[1]));
                        }

                        pending.Clear();
                    }
                    else if (b == '%')
                    {
                        inEscape = true;
                    }
                    else if (b == '&' || b == '=')
                    {
                        // A field boundary: each name and value must be UTF-8 on its own.
                        decoder.Convert(decoded, 0, count, chars, 0, chars.Length, flush: true, out _, out _, out _);
                        count = 0;
                    }
                    else
                    {
                        decoded[count++] = b == '+' ? (byte)' ' : b;
                    }

                    if (count >= decoded.Length - 3)
                    {
                        decoder.Convert(decoded, 0, count, chars, 0, chars.Length, flush: false, out _, out _, out _);
                        count = 0;
                    }
                }

                decoder.Convert(decoded, 0, count, chars, 0, chars.Length, flush: false, out _, out _, out _);
            }

            decoder.Convert(decoded, 0, 0, chars, 0, chars.Length, flush: true, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

/// <summary>Refuses, on the form, a request <see cref="FormEncodingCheck"/> found undecodable.</summary>
public sealed class UndecodableFormFilter(IStringLocalizer<SharedResource> localizer) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Items.ContainsKey(FormEncodingCheck.Undecodable))
        {
            context.ModelState.AddModelError(string.Empty, localizer["送信された内容に文字として読み取れないデータが含まれていたため、保存しませんでした。入力した文字を確認して、もう一度送信してください。"]);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
