using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Api;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.Apply;

/// <summary>How the documentation rows fared.</summary>
internal sealed record DocumentationOutcome(int Created, int Updated, int Unchanged, int NotPushed);

/// <summary>
/// Pushes an integration's documentation rows: reads the live rows, keys both sides by (type, resource, method),
/// creates the missing ones and patches those whose content differs. Rows only on the server are left alone (no
/// deletes); <c>note</c> and <c>end_user_guide</c> rows stay in the file.
/// </summary>
internal sealed class DocumentationSync(ITrutoApi api, Action<string> status)
{
    private const int PageSize = 100;

    public async Task<DocumentationOutcome> PushAsync(string integrationId, string slug, IReadOnlyList<JObject> fileRows, CancellationToken cancellationToken)
    {
        var pushable = fileRows.Where(row => !IntegrationFileJson.LocalOnlyDocumentationTypes.Contains(IntegrationFileJson.Text(row["type"]) ?? "")).ToList();
        var notPushed = fileRows.Count - pushable.Count;
        if (pushable.Count == 0)
        {
            return new(0, 0, 0, notPushed);
        }

        var live = new Dictionary<DocumentationKey, JObject>();
        await foreach (var row in api.GetAllAsync("/documentation", new Dictionary<string, string> { ["integration_id"] = integrationId }, PageSize, cancellationToken))
        {
            live.TryAdd(DocumentationKey.Of(row), row);
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in pushable)
        {
            var key = DocumentationKey.Of(row);
            var content = IntegrationFileJson.Content(row["content"])!;
            try
            {
                if (!live.TryGetValue(key, out var existing))
                {
                    await api.SendAsync(HttpMethod.Post, "/documentation", null, new JObject
                    {
                        ["entity_id"] = integrationId,
                        ["entity_type"] = "integration",
                        ["type"] = key.Type,
                        ["resource"] = key.Resource,
                        ["method"] = key.Method,
                        ["content"] = content,
                        ["integration_name"] = slug,
                    }, cancellationToken);
                    status($"  + {key}");
                    created++;
                }
                else if (IntegrationFileJson.Content(existing["content"]) != content)
                {
                    var id = IntegrationFileJson.Text(existing["id"]) ?? throw new CliException($"the live documentation row {key} has no id", "Report this: the API answered an unexpected row.");
                    await api.SendAsync(HttpMethod.Patch, $"/documentation/{Uri.EscapeDataString(id)}", null, new JObject { ["content"] = content }, cancellationToken);
                    status($"  ~ {key}");
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            catch (ApiException e)
            {
                throw new ApiException(e.StatusCode,
                    $"pushing documentation row {key} failed after {created} created and {updated} updated: {e.Message}",
                    "Run apply again once the cause is fixed: rows already pushed are unchanged then and are skipped.", e);
            }
        }

        return new(created, updated, unchanged, notPushed);
    }
}
