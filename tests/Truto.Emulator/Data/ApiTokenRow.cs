using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Data;

/// <summary>
/// One API-token row, held compactly: its id, its seed index and creation time, and references to values it shares
/// with its tenant. Name and timestamps are derived when the row is read, so 100,000 seeded rows cost a few MB
/// rather than the half a gigabyte they took as <see cref="JObject"/>s (on a small VM that was seconds of seeding and
/// of garbage collection). Immutable, so it can leave the store without a copy.
/// </summary>
internal sealed class ApiTokenRow(string id, int index, DateTime created, string environmentId, string createdBy)
{
    /// <summary>The list's order: <c>created_at</c>, then <c>id</c>.</summary>
    public static readonly Comparer<ApiTokenRow> ListOrder = Comparer<ApiTokenRow>.Create((a, b) =>
    {
        var byCreated = string.CompareOrdinal(a.CreatedAt, b.CreatedAt);
        return byCreated != 0 ? byCreated : string.CompareOrdinal(a.Id, b.Id);
    });

    private byte[]? _utf8Json;

    public string Id { get; } = id;

    public int Index { get; } = index;

    public DateTime Created { get; } = created;

    public string EnvironmentId { get; } = environmentId;

    public string CreatedBy { get; } = createdBy;

    public string Name => SeedNames.ApiToken(Index);

    /// <summary>Some tokens expire, most do not.</summary>
    public string? ExpiresAt => Index % 4 == 1 ? SeedClock.Format(Created.AddDays(90)) : null;

    public string CreatedAt => SeedClock.Format(Created);

    /// <summary>A few were renamed after creation.</summary>
    public string UpdatedAt => SeedClock.Format(Index % 3 == 2 ? Created.AddDays(2) : Created);

    /// <summary>The field a list filter names, or null for a field the row does not have.</summary>
    public string? Field(string name) => name switch
    {
        "id" => Id,
        "name" => Name,
        "environment_id" => EnvironmentId,
        "created_by" => CreatedBy,
        "expires_at" => ExpiresAt,
        "created_at" => CreatedAt,
        "updated_at" => UpdatedAt,
        _ => null,
    };

    /// <summary>The row as the API returns it.</summary>
    public JObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["environment_id"] = EnvironmentId,
        ["created_by"] = CreatedBy,
        ["expires_at"] = ExpiresAt is { } expires ? expires : JValue.CreateNull(),
        ["created_at"] = CreatedAt,
        ["updated_at"] = UpdatedAt,
    };

    /// <summary>
    /// The row's JSON in UTF-8, as <see cref="WriteTo"/> writes it, made on first use and kept (the row never
    /// changes), so a list page is a copy of its rows' bytes. The emulator shares the client's two cores, which a
    /// real API server does not: serializing 5,000 rows per page made it the slower end of a 100k listing.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json ??= Serialize();

    /// <summary>Writes exactly what <see cref="ToJson"/> would serialize to, without building it.</summary>
    public void WriteTo(JsonWriter json)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(Id);
        json.WritePropertyName("name");
        json.WriteValue(Name);
        json.WritePropertyName("environment_id");
        json.WriteValue(EnvironmentId);
        json.WritePropertyName("created_by");
        json.WriteValue(CreatedBy);
        json.WritePropertyName("expires_at");
        json.WriteValue(ExpiresAt);
        json.WritePropertyName("created_at");
        json.WriteValue(CreatedAt);
        json.WritePropertyName("updated_at");
        json.WriteValue(UpdatedAt);
        json.WriteEndObject();
    }

    private byte[] Serialize()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            WriteTo(json);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
