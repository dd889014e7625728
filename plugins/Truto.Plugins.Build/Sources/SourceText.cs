using System.Text;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.Sources;

/// <summary>
/// Turns a source's bytes into text, refusing what cannot be a spec, collection or doc page (empty, binary, not
/// UTF-8, too large) with a message that names the source, instead of building nonsense from it.
/// </summary>
internal static class SourceText
{
    /// <summary>The largest source read: the biggest public specs are a few MB; this leaves room without exhausting memory.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            EnsureSize(path, length);
            return Decode(path, await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}", "Check the path and its permissions.");
        }
    }

    public static void EnsureSize(string origin, long length)
    {
        if (length > MaxBytes)
        {
            throw new UsageException(
                $"{origin} is {length / (1024 * 1024)} MB; sources larger than {MaxBytes / (1024 * 1024)} MB are refused",
                "Pass the spec itself, not an archive or a data dump; split a very large spec by tag if it really is one.");
        }
    }

    public static string Decode(string origin, byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        var body = bytes.AsSpan(start);
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new UsageException($"{origin} is empty", "Pass an OpenAPI/Swagger spec, a Postman collection or a doc page.");
        }

        if (body[..Math.Min(body.Length, 8192)].Contains((byte)0))
        {
            throw new UsageException($"{origin} is a binary file, not a spec, collection or doc page", "Pass the JSON, YAML, markdown or HTML file itself (unpack archives first).");
        }

        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? $" (byte {e.Index + start})" : "";
            throw new UsageException($"{origin} is not valid UTF-8 text{offset}", "Convert the file to UTF-8 (e.g. iconv -t UTF-8) and run the build again.");
        }
    }
}
