using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Commands;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;
using Truto.Plugins.Build.Apply;

namespace Truto.Plugins.Build;

[Command("apply", Description = "Create or update an integration and push its documentation rows from an IntegrationFile.",
    ExtendedHelpText = """

Without "id" in the file the integration is created (POST /integration); with "id" it is updated
(PATCH /integration/<id>, sending the version read just before, so a change someone made meanwhile is
reported, never overwritten). Documentation rows are then compared with the live rows and only new or
changed ones are pushed; rows only on the server are left alone; note and end_user_guide rows are not pushed.

apply never prompts and never modifies the file: after a create, put the printed id into the file
("id": "...") so the next apply updates instead of creating another integration.

Exit codes: 0 applied, 1 anything failed (an invalid file, an API error, a stale version), 2 bad options.

Examples:
  truto integrations apply acme-crm.integration.json --dry-run
  truto integrations apply acme-crm.integration.json
  truto integrations apply acme-crm.integration.json --slug-override acme-crm-staging
  truto integrations apply acme-crm.integration.json --docs-only -o json
""")]
public sealed class ApplyIntegrationCommand(ITrutoApi api, IOutput output, IStandardStreams streams) : ITrutoCommand
{
    [Required(ErrorMessage = "name the IntegrationFile to apply, e.g. 'truto integrations apply acme-crm.integration.json'")]
    [Argument(0, "file", "The IntegrationFile (<slug>.integration.json).")]
    public string? File { get; set; }

    [Option("--dry-run", Description = "Validate and print the plan; no API call at all.")]
    public bool DryRun { get; set; }

    [Option("--slug-override <slug>", Description = "Create under this slug instead of the file's name; ignored, with a warning, when the file has an id (apply does not rename).")]
    public string? SlugOverride { get; set; }

    [Option("--docs-only", Description = "Push documentation rows only; the integration must exist (found by the file's id, else its name).")]
    public bool DocsOnly { get; set; }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (SlugOverride is not null && !IntegrationFileValidator.Slug().IsMatch(SlugOverride))
        {
            throw new UsageException($"--slug-override '{SlugOverride}' is not a slug", "Use lower-case letters, digits, '-' and '_', e.g. --slug-override acme-crm-staging.");
        }

        var file = Load(File!);
        var id = file.Id;
        var mode = DocsOnly ? "docs-only" : id is null ? "create" : "update";
        var slug = file.Name!;
        if (SlugOverride is not null)
        {
            if (mode == "create")
            {
                slug = SlugOverride;
            }
            else
            {
                output.Warning($"--slug-override is ignored: it renames only on create, and {(DocsOnly ? "--docs-only creates nothing" : $"the file has an id ({id}), so this is an update")}");
            }
        }

        var rows = file.DocumentationRows;
        if (DryRun)
        {
            return await PrintPlanAsync(file, mode, slug, rows, cancellationToken);
        }

        var result = new JObject { ["dry_run"] = false, ["mode"] = mode, ["name"] = slug };
        switch (mode)
        {
            case "create":
                var created = await CreateAsync(file, slug, cancellationToken);
                id = IntegrationFileJson.Text(created["id"]) ?? throw new CliException("the API created the integration but answered without an id", "Find it with 'truto integrations list --name " + slug + "'.");
                output.Status($"Created integration {slug} ({id}). Add \"id\": \"{id}\" to {File} so the next apply updates it.");
                result["integration"] = "created";
                result["version"] = created["version"];
                break;
            case "update":
                var updated = await UpdateAsync(file, id!, cancellationToken);
                slug = IntegrationFileJson.Text(updated["name"]) ?? slug;
                result["name"] = slug;
                output.Status($"Updated integration {slug} ({id}) to version {updated["version"]}.");
                result["integration"] = "updated";
                result["version"] = updated["version"];
                break;
            default:
                var existing = await FindExistingAsync(file, cancellationToken);
                id = IntegrationFileJson.Text(existing["id"])!;
                slug = IntegrationFileJson.Text(existing["name"]) ?? slug;
                result["name"] = slug;
                result["integration"] = "skipped";
                result["version"] = existing["version"];
                break;
        }

        result["integration_id"] = id;
        DocumentationOutcome docs;
        try
        {
            docs = await new DocumentationSync(api, output.Status).PushAsync(id!, slug, rows, cancellationToken);
        }
        catch (ApiException e) when (mode == "create")
        {
            // The status line with the new id is hidden under machine formats: the error must carry it, or a rerun creates again.
            throw new ApiException(e.StatusCode, $"{e.Message} (integration {slug} was created as {id})",
                $"Add \"id\": \"{id}\" to {File}, then run apply again to push the remaining rows.", e);
        }

        output.Status($"Documentation: {docs.Created} created, {docs.Updated} updated, {docs.Unchanged} unchanged"
            + (docs.NotPushed > 0 ? $", {docs.NotPushed} kept local (note, end_user_guide)." : "."));
        result["docs_created"] = docs.Created;
        result["docs_updated"] = docs.Updated;
        result["docs_unchanged"] = docs.Unchanged;
        result["docs_not_pushed"] = docs.NotPushed;
        await output.WriteObjectAsync(result, cancellationToken);
        return ExitCodes.Success;
    }

    private IntegrationFileJson Load(string path)
    {
        IntegrationFileJson file;
        try
        {
            file = IntegrationFileJson.Load(path);
        }
        catch (IntegrationFileException e)
        {
            throw new CliException(e.Message, e.Hint);
        }

        var problems = IntegrationFileValidator.Validate(file);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                streams.Error.WriteLine($"  {problem}");
            }

            throw new CliException($"{path} is not a valid IntegrationFile ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}, listed above); nothing was applied",
                "Fix the fields named above; 'truto integrations lint' also checks the config's substance.");
        }

        return file;
    }

    /// <summary>The record-level fields and config the API stores; documentation rows and audit notes stay out.</summary>
    private static JObject Payload(IntegrationFileJson file)
    {
        var config = (JObject)file.Config!.DeepClone();
        // The API has no top-level label: it lives in config.label.
        if (config["label"] is null && IntegrationFileJson.Text(file.Root["label"]) is { } label)
        {
            config["label"] = label;
        }

        var payload = new JObject { ["config"] = config };
        foreach (var field in new[] { "category", "sharing", "is_beta" })
        {
            if (file.Root[field] is { Type: not JTokenType.Null } value)
            {
                payload[field] = value.DeepClone();
            }
        }

        return payload;
    }

    private async Task<JObject> CreateAsync(IntegrationFileJson file, string slug, CancellationToken cancellationToken)
    {
        var body = Payload(file);
        body.AddFirst(new JProperty("name", slug));
        try
        {
            return (JObject)await api.SendAsync(HttpMethod.Post, "/integration", null, body, cancellationToken);
        }
        catch (ConflictException e) when (e.StatusCode == 409)
        {
            throw new CliException($"an integration named '{slug}' already exists, so it was not created: {e.Message}",
                $"To update it, add its id to {File} (find it with 'truto integrations list --name {slug}'); to create a copy, use --slug-override <other-slug>.");
        }
    }

    private async Task<JObject> UpdateAsync(IntegrationFileJson file, string id, CancellationToken cancellationToken)
    {
        var live = await GetLiveAsync(id, cancellationToken);
        var version = live["version"] ?? throw new CliException($"the live integration {id} has no version", "Report this: the API answered an integration without one.");
        if (IntegrationFileJson.Text(live["name"]) is { } liveName && liveName != file.Name)
        {
            output.Warning($"the file names '{file.Name}' but integration {id} is '{liveName}': apply does not rename; the name stays '{liveName}'");
        }

        var body = Payload(file);
        body["version"] = version.DeepClone();
        try
        {
            return (JObject)await api.SendAsync(HttpMethod.Patch, LiveIntegrations.PathOf(id), null, body, cancellationToken);
        }
        catch (ConflictException e)
        {
            throw new CliException(
                $"integration {id} changed on the server while applying (it was at version {version} when read); nothing was overwritten: {e.Message}",
                "Review what changed ('truto integrations get " + id + "'), then run apply again to apply the file over the new version.");
        }
    }

    private async Task<JObject> GetLiveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await LiveIntegrations.GetAsync(api, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException($"integration {id} (the file's id) was not found in this environment",
                $"Check the id in {File}, or remove it to create the integration.");
        }
    }

    private async Task<JObject> FindExistingAsync(IntegrationFileJson file, CancellationToken cancellationToken)
    {
        if (file.Id is { } id)
        {
            return await GetLiveAsync(id, cancellationToken);
        }

        return await LiveIntegrations.FindByNameAsync(api, file.Name!, cancellationToken)
            ?? throw new NotFoundException($"no integration named '{file.Name}' exists, and --docs-only pushes rows of an existing one",
                $"Run 'truto integrations apply {File}' without --docs-only to create it first.");
    }

    private async Task<int> PrintPlanAsync(IntegrationFileJson file, string mode, string slug, IReadOnlyList<JObject> rows, CancellationToken cancellationToken)
    {
        var pushable = rows.Count(row => !IntegrationFileJson.LocalOnlyDocumentationTypes.Contains(IntegrationFileJson.Text(row["type"]) ?? ""));
        var methods = file.Methods.Count();
        output.Status($"{File} is valid. Dry run: no API call was made.");
        output.Status(mode switch
        {
            "create" => $"Would create integration {slug} (POST /integration) with {methods} methods.",
            "update" => $"Would update integration {file.Id} ({slug}; GET then PATCH /integration/{file.Id} with the live version) with {methods} methods.",
            _ => $"Would leave integration {file.Id ?? slug} unchanged (--docs-only).",
        });
        output.Status($"Would compare {pushable} documentation rows with the live ones and push those new or changed"
            + (rows.Count > pushable ? $"; {rows.Count - pushable} stay local (note, end_user_guide)." : "."));
        await output.WriteObjectAsync(new JObject
        {
            ["dry_run"] = true,
            ["mode"] = mode,
            ["name"] = slug,
            ["integration_id"] = file.Id,
            ["methods"] = methods,
            ["docs_to_compare"] = pushable,
            ["docs_not_pushed"] = rows.Count - pushable,
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
