using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using Truto.Cli.Api;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Resources;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Resources;

/// <summary>
/// List and get, the same for every resource: one page with the next-page hint on stderr, or every page streamed
/// as it arrives; a get projected with --brief or --select, with a not-found message naming the resource.
/// </summary>
internal sealed class ResourceReader(ITrutoApi api, IListPageSource pages, IOutput output, IStandardStreams streams) : IResourceReader
{
    /// <summary>The SDK's page size when --limit is not given (25, as the official CLI sends for one page).</summary>
    private static readonly int SdkDefaultLimit = new ResourceListRequest("/", []).Limit;

    public async Task ListAsync(ResourceListRequest request, CancellationToken cancellationToken)
    {
        if (request.All)
        {
            await output.WriteStreamAsync(AllPages(request, cancellationToken), request.Columns, cancellationToken);
            return;
        }

        var page = await api.GetPageAsync(request.Path, request.Filters, request.Limit, request.NextCursor, cancellationToken);
        await output.WriteListAsync(page.Records, request.Columns, cancellationToken);
        if (page.NextCursor is { } next)
        {
            // On stderr in every format: machine output stays clean, and scripts can still find the cursor.
            await streams.Error.WriteLineAsync($"Next page: --next-cursor {next}");
        }
    }

    public async Task GetAsync(ResourceGetRequest request, CancellationToken cancellationToken)
    {
        JToken record;
        try
        {
            record = await api.SendAsync(HttpMethod.Get, $"{request.Path.TrimEnd('/')}/{Uri.EscapeDataString(request.Id)}", null, null, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(
                $"{request.Noun} {request.Id} not found in this environment",
                "Check the id; list what exists with the resource's 'list' command.");
        }

        var fields = request.Brief ? request.BriefColumns.Select(c => c.Path).ToArray() : request.Select;
        if (fields.Count > 0 && record is JObject whole)
        {
            var projected = Projection.Keep(whole, fields);
            if (!projected.HasValues)
            {
                output.Warning($"none of the fields {string.Join(", ", fields)} exist on this {request.Noun}");
            }

            record = projected;
        }

        await output.WriteObjectAsync(record, cancellationToken);
    }

    /// <summary>
    /// Every page, record by record, as the API's own bytes (<see cref="RawJsonObject"/>, valid until the next record
    /// is asked for; the host's formatters convert what they keep). The next page is requested as soon as the current
    /// one's cursor is known, so it travels while this one is written, and at most two pages' bytes are held: memory
    /// stays flat however long the listing.
    /// </summary>
    private async IAsyncEnumerable<object> AllPages(ResourceListRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // 25 records a page is right for one page on a screen, but following every page at 25 costs a request per 25
        // records (4,000 for 100,000 tokens, and the real API allows 500 requests per 10 s). Without an explicit
        // --limit, --all asks for the API's own default page instead (5,000 for /api-token). The SDK's request
        // cannot say whether --limit was given, so an explicit --limit 25 is taken the same way; output is identical.
        int? pageSize = request.Limit == SdkDefaultLimit ? null : request.Limit;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<ListPageBody>? next = FetchAsync(request, pageSize, request.NextCursor, stop.Token);
        try
        {
            while (next is not null)
            {
                using var page = await next;
                next = page.NextCursor is { } cursor ? FetchAsync(request, pageSize, cursor, stop.Token) : null;
                foreach (var record in page.RawRecords())
                {
                    yield return record;
                }
            }
        }
        finally
        {
            // Stopped early (a closed pipe, a failure, Ctrl+C): cancel the page in flight and let it go quietly.
            if (next is not null)
            {
                await stop.CancelAsync();
                try
                {
                    (await next).Dispose();
                }
                catch (Exception)
                {
                    // Its failure is moot: the listing already ended for another reason.
                }
            }
        }
    }

    private Task<ListPageBody> FetchAsync(ResourceListRequest request, int? pageSize, string? cursor, CancellationToken cancellationToken) =>
        pages.GetPageBodyAsync(request.Path, request.Filters, pageSize, cursor, cancellationToken);
}
