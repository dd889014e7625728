using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Sdk.Resources;

/// <summary>
/// A resource's <c>list</c> command with the standard flags: <c>--limit</c> (default 25), <c>--next-cursor</c>,
/// <c>--all</c>. Derive, declare the path and columns, and add filter options.
/// </summary>
public abstract class ResourceListCommand : ITrutoCommand
{
    private readonly IResourceReader _reader;

    /// <summary>Creates the command.</summary>
    /// <param name="reader">The host's list behaviour.</param>
    protected ResourceListCommand(IResourceReader reader) => _reader = reader;

    /// <summary>Page size.</summary>
    [Option("--limit <n>", Description = "Records per page (default 25).")]
    public int Limit { get; set; } = 25;

    /// <summary>The cursor printed after the previous page.</summary>
    [Option("--next-cursor <cursor>", Description = "Fetch the page after this cursor (printed after each page).")]
    public string? NextCursor { get; set; }

    /// <summary>Follow every page.</summary>
    [Option("--all", Description = "Follow every page, streaming records as they arrive.")]
    public bool All { get; set; }

    /// <summary>The collection's path, for example <c>/api-token</c>.</summary>
    protected abstract string Path { get; }

    /// <summary>The table's columns.</summary>
    protected abstract IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Server-side filters from the command's own options; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string> Filters { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (Limit < 1)
        {
            throw new UsageException($"--limit must be at least 1, not {Limit}", "For example: --limit 100");
        }

        await _reader.ListAsync(new ResourceListRequest(Path, Columns)
        {
            Filters = Filters,
            Limit = Limit,
            NextCursor = NextCursor,
            All = All,
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
