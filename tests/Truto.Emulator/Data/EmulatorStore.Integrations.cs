using Newtonsoft.Json.Linq;
using Truto.Emulator.Http;

namespace Truto.Emulator.Data;

/// <summary>
/// Integrations and their documentation rows. Integrations carry an optimistic-locking <c>version</c> that starts at
/// 1 and goes up by one on every successful PATCH; a PATCH naming another version is refused with
/// <see cref="StaleVersionStatus"/> and changes nothing.
/// </summary>
internal sealed partial class EmulatorStore
{
    /// <summary>
    /// The status a stale <c>version</c> gets: 409 Conflict by default; 400 Bad Request is what the API reference
    /// documents, so clients must treat both as "someone changed it meanwhile".
    /// </summary>
    public int StaleVersionStatus { get; set; } = StatusCodes.Status409Conflict;

    public IReadOnlyList<JObject> Integrations(TenantData tenant)
    {
        lock (_gate)
        {
            return tenant.Integrations.Select(Copy).ToList();
        }
    }

    public IReadOnlyList<JObject> Integrations(string token)
    {
        lock (_gate)
        {
            return Tenant(token).Integrations.Select(Copy).ToList();
        }
    }

    /// <summary>The integration with this id, or with this slug (<c>name</c>), or null.</summary>
    public JObject? FindIntegration(TenantData tenant, string idOrSlug)
    {
        lock (_gate)
        {
            var row = tenant.Integrations.FirstOrDefault(r => (string?)r["id"] == idOrSlug)
                ?? tenant.Integrations.FirstOrDefault(r => (string?)r["name"] == idOrSlug);
            return row is null ? null : Copy(row);
        }
    }

    /// <summary>Adds an integration as POST would (fields given win over the defaults, so seeds may set id or version).</summary>
    public JObject AddIntegration(string token, JObject fields)
    {
        lock (_gate)
        {
            return AddIntegration(Tenant(token), fields);
        }
    }

    public JObject AddIntegration(TenantData tenant, JObject fields)
    {
        lock (_gate)
        {
            var name = (string?)fields["name"];
            if (tenant.Integrations.Any(r => (string?)r["name"] == name))
            {
                throw ApiException.Conflict($"An integration named '{name}' already exists in this team");
            }

            var created = SeedClock.Format(_clock.Next());
            var row = new JObject
            {
                ["id"] = NewId(),
                ["name"] = name,
                ["category"] = fields["category"]?.DeepClone() ?? JValue.CreateNull(),
                ["is_beta"] = fields["is_beta"]?.DeepClone() ?? false,
                ["config"] = fields["config"]?.DeepClone() ?? new JObject(),
                ["sharing"] = fields["sharing"]?.DeepClone() ?? "deny",
                ["can_install"] = true,
                ["team_id"] = tenant.Team["id"],
                ["installed_environment"] = new JArray(),
                ["version"] = 1,
                ["created_at"] = created,
                ["updated_at"] = created,
            };
            foreach (var field in fields.Properties().Where(p => p.Name is "id" or "version" or "created_at" or "updated_at"))
            {
                row[field.Name] = field.Value.DeepClone();
            }

            tenant.Integrations.Add(row);
            return Copy(row);
        }
    }

    /// <summary>
    /// PATCH semantics: <c>version</c> must be the current one; <c>config</c> is deep-merged (null deletes a key,
    /// arrays replace); <c>name</c>, <c>category</c>, <c>is_beta</c> and <c>sharing</c> replace.
    /// </summary>
    public JObject UpdateIntegration(TenantData tenant, string id, JObject patch)
    {
        lock (_gate)
        {
            var row = tenant.Integrations.FirstOrDefault(r => (string?)r["id"] == id) ?? throw ApiException.NotFound("Integration not found");
            if (patch["version"] is not { Type: JTokenType.Integer } version)
            {
                throw ApiException.BadRequest("version is required to update an integration (optimistic locking): send the version you read");
            }

            var current = (long)row["version"]!;
            if ((long)version != current)
            {
                throw new ApiException(StaleVersionStatus,
                    $"version {(long)version} is stale: the integration is at version {current}; re-read it and apply your change again");
            }

            if (patch["name"] is { } name && (string?)name != (string?)row["name"]
                && tenant.Integrations.Any(r => (string?)r["name"] == (string?)name))
            {
                throw ApiException.Conflict($"An integration named '{name}' already exists in this team");
            }

            foreach (var field in new[] { "name", "category", "is_beta", "sharing" })
            {
                if (patch[field] is { } value)
                {
                    row[field] = value.DeepClone();
                }
            }

            if (patch["config"] is JObject config)
            {
                row["config"] = MergePatch(row["config"] as JObject ?? new JObject(), config);
            }

            row["version"] = current + 1;
            row["updated_at"] = SeedClock.Format(_clock.Next());
            return Copy(row);
        }
    }

    public JObject DeleteIntegration(TenantData tenant, string id)
    {
        lock (_gate)
        {
            var row = tenant.Integrations.FirstOrDefault(r => (string?)r["id"] == id) ?? throw ApiException.NotFound("Integration not found");
            tenant.Integrations.Remove(row);
            return new JObject { ["id"] = id };
        }
    }

    public IReadOnlyList<JObject> Documentation(TenantData tenant)
    {
        lock (_gate)
        {
            return tenant.Documentation.Select(Copy).ToList();
        }
    }

    public IReadOnlyList<JObject> Documentation(string token)
    {
        lock (_gate)
        {
            return Tenant(token).Documentation.Select(Copy).ToList();
        }
    }

    public JObject AddDocumentation(string token, JObject fields)
    {
        lock (_gate)
        {
            return AddDocumentation(Tenant(token), fields);
        }
    }

    public JObject AddDocumentation(TenantData tenant, JObject fields)
    {
        lock (_gate)
        {
            var created = SeedClock.Format(_clock.Next());
            var row = new JObject
            {
                ["id"] = NewId(),
                ["entity_id"] = fields["entity_id"]?.DeepClone(),
                ["entity_type"] = fields["entity_type"]?.DeepClone() ?? "integration",
                ["content"] = fields["content"]?.DeepClone(),
                ["type"] = fields["type"]?.DeepClone() ?? JValue.CreateNull(),
                ["authentication_method"] = fields["authentication_method"]?.DeepClone() ?? JValue.CreateNull(),
                ["method"] = fields["method"]?.DeepClone() ?? JValue.CreateNull(),
                ["resource"] = fields["resource"]?.DeepClone() ?? JValue.CreateNull(),
                ["integration_name"] = fields["integration_name"]?.DeepClone() ?? JValue.CreateNull(),
                ["created_at"] = created,
                ["updated_at"] = created,
            };
            tenant.Documentation.Add(row);
            return Copy(row);
        }
    }

    public JObject? FindDocumentation(TenantData tenant, string id)
    {
        lock (_gate)
        {
            var row = tenant.Documentation.FirstOrDefault(r => (string?)r["id"] == id);
            return row is null ? null : Copy(row);
        }
    }

    public JObject UpdateDocumentation(TenantData tenant, string id, JObject patch)
    {
        lock (_gate)
        {
            var row = tenant.Documentation.FirstOrDefault(r => (string?)r["id"] == id) ?? throw ApiException.NotFound("Documentation not found");
            foreach (var field in patch.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at")))
            {
                row[field.Name] = field.Value.DeepClone();
            }

            row["updated_at"] = SeedClock.Format(_clock.Next());
            return Copy(row);
        }
    }

    public JObject DeleteDocumentation(TenantData tenant, string id)
    {
        lock (_gate)
        {
            var row = tenant.Documentation.FirstOrDefault(r => (string?)r["id"] == id) ?? throw ApiException.NotFound("Documentation not found");
            tenant.Documentation.Remove(row);
            return new JObject { ["id"] = id };
        }
    }

    /// <summary>JSON merge patch (RFC 7386): objects merge key by key, null deletes, anything else replaces.</summary>
    private static JObject MergePatch(JObject target, JObject patch)
    {
        var merged = (JObject)target.DeepClone();
        foreach (var property in patch.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                merged.Remove(property.Name);
            }
            else if (property.Value is JObject child && merged[property.Name] is JObject existing)
            {
                merged[property.Name] = MergePatch(existing, child);
            }
            else
            {
                merged[property.Name] = property.Value.DeepClone();
            }
        }

        return merged;
    }
}
