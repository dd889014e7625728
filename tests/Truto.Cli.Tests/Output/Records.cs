using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;

namespace Truto.Cli.Tests.Output;

/// <summary>Integrated accounts as the Truto API returns them, trimmed to the fields these tests look at.</summary>
internal static class Records
{
    public static JObject HubSpotAccount() => Json.Object("""
        {
          "id": "7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01",
          "tenant_id": "acme-corp",
          "integration": {
            "name": "hubspot",
            "category": "crm"
          },
          "status": "active",
          "is_sandbox": false,
          "created_at": "2024-03-01T10:15:00.000Z"
        }
        """);

    public static JObject ZendeskAccount() => Json.Object("""
        {
          "id": "0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b",
          "tenant_id": "globex",
          "integration": {
            "name": "zendesk",
            "category": "ticketing"
          },
          "status": "needs_reauth",
          "is_sandbox": true,
          "created_at": "2024-05-20T08:00:00.000Z"
        }
        """);

    public static JObject[] Accounts() => [HubSpotAccount(), ZendeskAccount()];

    /// <summary>The columns an <c>accounts list</c> table shows.</summary>
    public static readonly TableColumn[] AccountColumns =
    [
        new("ID", "id"),
        new("TENANT", "tenant_id"),
        new("INTEGRATION", "integration.name"),
        new("STATUS", "status"),
    ];

    /// <summary>A record with the given fields changed (or added); the rest as in <paramref name="record"/>.</summary>
    public static JObject With(this JObject record, object changes)
    {
        var copy = (JObject)record.DeepClone();
        copy.Merge(JObject.FromObject(changes), new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Merge });
        return copy;
    }
}
