using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

/// <summary>
/// The emulator's data: one <see cref="TenantData"/> per bearer token. One store per emulator (never static), all
/// access under one lock; rows leave the store as copies, so neither tests nor handlers can change them by accident.
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
            return InListOrder(tenant.ApiTokens);
        }
    }

    public IReadOnlyList<JObject> ApiTokens(string token)
    {
        lock (_gate)
        {
            return InListOrder(Tenant(token).ApiTokens);
        }
    }

    private static List<JObject> InListOrder(IEnumerable<JObject> rows) => rows
        .OrderBy(row => (string?)row["created_at"], StringComparer.Ordinal)
        .ThenBy(row => (string?)row["id"], StringComparer.Ordinal)
        .Select(Copy)
        .ToList();

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
            tenant.ApiTokens.Add(row);
            added.Add(row);
        }

        return added;
    }

    private TenantData Tenant(string token) =>
        _tenants.GetValueOrDefault(token)
        ?? throw new ArgumentException($"No tenant for token '{token}': call AddToken(\"{token}\") first.", nameof(token));

    private static JObject Copy(JObject row) => (JObject)row.DeepClone();

    private static string NewId() => Guid.NewGuid().ToString();
}
