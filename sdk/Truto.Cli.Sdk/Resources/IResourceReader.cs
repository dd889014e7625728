using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Sdk.Resources;

/// <summary>
/// The host's list and get behaviour for Truto resources: paging, the next-page hint, streaming every page,
/// projections and not-found messages, identical for every resource command. Most commands get it by deriving
/// from <see cref="ResourceListCommand"/> and <see cref="ResourceGetCommand"/>.
/// </summary>
public interface IResourceReader
{
    /// <summary>Lists one page (printing the next-page hint to stderr when there is more), or every page.</summary>
    /// <param name="request">What to list.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    Task ListAsync(ResourceListRequest request, CancellationToken cancellationToken);

    /// <summary>Gets one record and prints it, projected as asked.</summary>
    /// <param name="request">What to get.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task GetAsync(ResourceGetRequest request, CancellationToken cancellationToken);
}

/// <summary>A list request.</summary>
/// <param name="Path">The collection's path, for example <c>/api-token</c>.</param>
/// <param name="Columns">The table's columns.</param>
public sealed record ResourceListRequest(string Path, IReadOnlyList<TableColumn> Columns)
{
    /// <summary>Server-side filters, sent as query parameters.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>The page size.</summary>
    public int Limit { get; init; } = 25;

    /// <summary>Where to start, from a previous page's hint; null for the first page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Follow every page, streaming records as pages arrive.</summary>
    public bool All { get; init; }
}

/// <summary>A get request.</summary>
/// <param name="Path">The collection's path, for example <c>/api-token</c>; the id is appended.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Noun">What the record is called in messages, for example <c>API token</c>.</param>
public sealed record ResourceGetRequest(string Path, string Id, string Noun)
{
    /// <summary>With <see cref="Brief"/>: keep only these columns' fields (the list view).</summary>
    public IReadOnlyList<TableColumn> BriefColumns { get; init; } = [];

    /// <summary>Keep only the list columns' fields.</summary>
    public bool Brief { get; init; }

    /// <summary>Keep only these fields (dotted paths allowed); empty for all.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];
}
