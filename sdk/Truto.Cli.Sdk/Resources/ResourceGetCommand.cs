using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Sdk.Resources;

/// <summary>
/// A resource's <c>get &lt;id&gt;</c> command with the standard flags: <c>--brief</c> (the list columns only) and
/// <c>--select a,b.c</c>. JSON by default, as every official <c>get</c>.
/// </summary>
[DefaultOutputFormat(OutputFormat.Json)]
public abstract class ResourceGetCommand : ITrutoCommand
{
    private readonly IResourceReader _reader;

    /// <summary>Creates the command.</summary>
    /// <param name="reader">The host's get behaviour.</param>
    protected ResourceGetCommand(IResourceReader reader) => _reader = reader;

    /// <summary>The record's id.</summary>
    [Required(ErrorMessage = "give the id to get (ids are positional: there is no --id)")]
    [Argument(0, "id", "The record's id.")]
    public string? Id { get; set; }

    /// <summary>Keep only the list columns.</summary>
    [Option("--brief", Description = "Show only the fields of the list view.")]
    public bool Brief { get; set; }

    /// <summary>Fields to keep.</summary>
    [Option("--select <fields>", Description = "Show only these comma-separated fields; dotted paths allowed (a.b).")]
    public string? Select { get; set; }

    /// <summary>The collection's path, for example <c>/api-token</c>.</summary>
    protected abstract string Path { get; }

    /// <summary>What the record is called in messages, for example <c>API token</c>.</summary>
    protected abstract string Noun { get; }

    /// <summary>The list view's columns, which <c>--brief</c> keeps.</summary>
    protected abstract IReadOnlyList<TableColumn> BriefColumns { get; }

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var select = (Select ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Brief && select.Length > 0)
        {
            throw new UsageException("--brief and --select cannot be used together", "Use --select with the fields you want.");
        }

        if (Select is not null && select.Length == 0)
        {
            throw new UsageException("--select needs at least one field name", "For example: --select id,name");
        }

        await _reader.GetAsync(new ResourceGetRequest(Path, Id!.Trim(), Noun)
        {
            BriefColumns = BriefColumns,
            Brief = Brief,
            Select = select,
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
