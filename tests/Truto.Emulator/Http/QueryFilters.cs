using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Plain equality filters (<c>?name=acme-crm&amp;sharing=ask</c>): each one given must match the row's field exactly.</summary>
internal static class QueryFilters
{
    public static IEnumerable<JObject> Equal(IEnumerable<JObject> rows, IQueryCollection query, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (query.TryGetValue(field, out var value))
            {
                var wanted = value.ToString();
                rows = rows.Where(row => (string?)row[field] == wanted);
            }
        }

        return rows;
    }
}
