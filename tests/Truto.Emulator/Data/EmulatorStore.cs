using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

/// <summary>
/// The emulator's data: one <see cref="TenantData"/> per bearer token. One store per emulator (never static), all
/// access under one lock; rows leave the store as copies, so neither tests nor handlers can change them by accident.
/// </summary>
internal sealed partial class EmulatorStore
{
    private const int ApiTokensPerTenant = 3;

    /// <summary>The API-token list's order: <c>created_at</c>, then <c>id</c>.</summary>
    private static readonly Comparer<JObject> ListOrder = Comparer<JObject>.Create((a, b) =>
    {
        var byCreated = string.CompareOrdinal((string?)a["created_at"], (string?)b["created_at"]);
        return byCreated != 0 ? byCreated : string.CompareOrdinal((string?)a["id"], (string?)b["id"]);
    });

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TenantData> _tenants = new(StringComparer.Ordinal);
    private readonly SeedClock _clock = new();

    public EmulatorTenant AddTenant(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        lock (_gate)
        {
            if (_tenants.TryGetValue(token, out var existing))
            {
                return existing.Info;
            }

            var index = _tenants.Count;
            var (teamName, domain) = SeedNames.Team(index);
            var teamCreated = SeedClock.Format(_clock.Next());
            var team = new JObject
            {
                ["id"] = NewId(),
                ["name"] = teamName,
                ["domain"] = domain,
                ["logo"] = null,
                ["created_at"] = teamCreated,
                ["updated_at"] = teamCreated,
            };
            var environmentCreated = SeedClock.Format(_clock.Next());
            var environment = new JObject
            {
                ["id"] = NewId(),
                ["name"] = SeedNames.Environment(index),
                ["team_id"] = team["id"],
                ["created_at"] = environmentCreated,
                ["updated_at"] = environmentCreated,
            };
            var info = new EmulatorTenant(token, (string)team["id"]!, teamName, (string)environment["id"]!, (string)environment["name"]!);
            var tenant = new TenantData(info, team, environment, [NewId(), NewId()]);
            _tenants.Add(token, tenant);
            AddApiTokens(tenant, ApiTokensPerTenant);
            return info;
        }
    }

    public IReadOnlyList<JObject> SeedApiTokens(string token, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return AddApiTokens(Tenant(token), count).Select(Copy).ToList();
        }
    }

    public TenantData? FindByToken(string token)
    {
        lock (_gate)
        {
            return _tenants.GetValueOrDefault(token);
        }
    }

    public JObject Team(TenantData tenant)
    {
        lock (_gate)
        {
            return Copy(tenant.Team);
        }
    }

    public JObject Environment(TenantData tenant)
    {
        lock (_gate)
        {
            return Copy(tenant.Environment);
        }
    }

    /// <summary>The tenant's API tokens in list order: <c>created_at</c>, then <c>id</c>.</summary>
    public IReadOnlyList<JObject> ApiTokens(TenantData tenant)
    {
        lock (_gate)
        {
            return tenant.ApiTokens.Select(Copy).ToList();
        }
    }

    public IReadOnlyList<JObject> ApiTokens(string token)
    {
        lock (_gate)
        {
            return Tenant(token).ApiTokens.Select(Copy).ToList();
        }
    }

    /// <summary>The API token with this id, as a copy, or null.</summary>
    public JObject? ApiToken(TenantData tenant, string id)
    {
        lock (_gate)
        {
            var row = tenant.ApiTokens.Find(row => (string?)row["id"] == id);
            return row is null ? null : Copy(row);
        }
    }

    /// <summary>
    /// One page of the tenant's API tokens in list order: up to <paramref name="limit"/> rows matching
    /// <paramref name="filter"/> from <paramref name="offset"/>, as copies, and whether more follow. Without a filter
    /// this costs the page, not the whole list, so a client paging through 100,000 rows is not slowed by the store.
    /// </summary>
    public (IReadOnlyList<JObject> Rows, bool More) ApiTokenPage(TenantData tenant, Func<JObject, bool>? filter, int offset, int limit)
    {
        lock (_gate)
        {
            var rows = tenant.ApiTokens;
            if (filter is null)
            {
                var start = Math.Min(offset, rows.Count);
                var count = Math.Min(limit, rows.Count - start);
                return (rows.GetRange(start, count).Select(Copy).ToList(), start + count < rows.Count);
            }

            var matching = rows.Where(filter).Skip(offset).Take(limit + 1).ToList();
            var more = matching.Count > limit;
            return (matching.Take(limit).Select(Copy).ToList(), more);
        }
    }

    private List<JObject> AddApiTokens(TenantData tenant, int count)
    {
        var added = new List<JObject>(count);
        for (var i = 0; i < count; i++)
        {
            var index = tenant.ApiTokens.Count;
            var created = _clock.Next();
            var row = new JObject
            {
                ["id"] = NewId(),
                ["name"] = SeedNames.ApiToken(index),
                ["environment_id"] = tenant.Info.EnvironmentId,
                ["created_by"] = tenant.UserIds[index % tenant.UserIds.Count],
                // Some tokens expire, most do not; a few were renamed after creation.
                ["expires_at"] = index % 4 == 1 ? SeedClock.Format(created.AddDays(90)) : JValue.CreateNull(),
                ["created_at"] = SeedClock.Format(created),
                ["updated_at"] = SeedClock.Format(index % 3 == 2 ? created.AddDays(2) : created),
            };
            AddInListOrder(tenant.ApiTokens, row);
            added.Add(row);
        }

        return added;
    }

    /// <summary>
    /// Keeps a tenant's rows sorted as the list route returns them (<c>created_at</c>, then <c>id</c>), so reads never
    /// sort. Seeded rows come from a steady clock and append; anything earlier is inserted in its place.
    /// </summary>
    private static void AddInListOrder(List<JObject> rows, JObject row)
    {
        if (rows.Count == 0 || ListOrder.Compare(rows[^1], row) <= 0)
        {
            rows.Add(row);
            return;
        }

        var at = rows.BinarySearch(row, ListOrder);
        rows.Insert(at < 0 ? ~at : at + 1, row);
    }

    private TenantData Tenant(string token) =>
        _tenants.GetValueOrDefault(token)
        ?? throw new ArgumentException($"No tenant for token '{token}': call AddToken(\"{token}\") first.", nameof(token));

    private static JObject Copy(JObject row) => (JObject)row.DeepClone();

    private static string NewId() => Guid.NewGuid().ToString();
}
