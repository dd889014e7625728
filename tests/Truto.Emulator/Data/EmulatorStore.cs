using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

/// <summary>
/// The emulator's data: one <see cref="TenantData"/> per bearer token. One store per emulator (never static), all
/// access under one lock; rows leave the store as copies (API-token rows are immutable records), so neither tests nor
/// handlers can change them by accident.
/// </summary>
internal sealed partial class EmulatorStore
{
    private const int ApiTokensPerTenant = 3;

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

    public IReadOnlyList<ApiTokenRow> SeedApiTokens(string token, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return AddApiTokens(Tenant(token), count);
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
    public IReadOnlyList<ApiTokenRow> ApiTokens(TenantData tenant)
    {
        lock (_gate)
        {
            return tenant.ApiTokens.ToArray();
        }
    }

    public IReadOnlyList<ApiTokenRow> ApiTokens(string token)
    {
        lock (_gate)
        {
            return Tenant(token).ApiTokens.ToArray();
        }
    }

    /// <summary>The API token with this id, or null.</summary>
    public ApiTokenRow? ApiToken(TenantData tenant, string id)
    {
        lock (_gate)
        {
            return tenant.ApiTokens.Find(row => row.Id == id);
        }
    }

    /// <summary>
    /// One page of the tenant's API tokens in list order: up to <paramref name="limit"/> rows matching
    /// <paramref name="filter"/> from <paramref name="offset"/>, and whether more follow. Without a filter this costs
    /// the page, not the whole list, so a client paging through 100,000 rows is not slowed by the store.
    /// </summary>
    public (IReadOnlyList<ApiTokenRow> Rows, bool More) ApiTokenPage(TenantData tenant, Func<ApiTokenRow, bool>? filter, int offset, int limit)
    {
        lock (_gate)
        {
            var rows = tenant.ApiTokens;
            if (filter is null)
            {
                var start = Math.Min(offset, rows.Count);
                var count = Math.Min(limit, rows.Count - start);
                return (rows.GetRange(start, count), start + count < rows.Count);
            }

            var matching = rows.Where(filter).Skip(offset).Take(limit + 1).ToList();
            var more = matching.Count > limit;
            return (matching.Take(limit).ToList(), more);
        }
    }

    private List<ApiTokenRow> AddApiTokens(TenantData tenant, int count)
    {
        var added = new List<ApiTokenRow>(count);
        for (var i = 0; i < count; i++)
        {
            var index = tenant.ApiTokens.Count;
            var row = new ApiTokenRow(NewId(), index, _clock.Next(), tenant.Info.EnvironmentId, tenant.UserIds[index % tenant.UserIds.Count]);
            AddInListOrder(tenant.ApiTokens, row);
            added.Add(row);
        }

        return added;
    }

    /// <summary>
    /// Keeps a tenant's rows sorted as the list route returns them, so reads never sort. Seeded rows come from a
    /// steady clock and append; anything earlier is inserted in its place.
    /// </summary>
    private static void AddInListOrder(List<ApiTokenRow> rows, ApiTokenRow row)
    {
        if (rows.Count == 0 || ApiTokenRow.ListOrder.Compare(rows[^1], row) <= 0)
        {
            rows.Add(row);
            return;
        }

        var at = rows.BinarySearch(row, ApiTokenRow.ListOrder);
        rows.Insert(at < 0 ? ~at : at + 1, row);
    }

    private TenantData Tenant(string token) =>
        _tenants.GetValueOrDefault(token)
        ?? throw new ArgumentException($"No tenant for token '{token}': call AddToken(\"{token}\") first.", nameof(token));

    private static JObject Copy(JObject row) => (JObject)row.DeepClone();

    private static string NewId() => Guid.NewGuid().ToString();
}
