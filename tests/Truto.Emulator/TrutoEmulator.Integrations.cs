using Newtonsoft.Json.Linq;

namespace Truto.Emulator;

/// <summary>Seeding and inspection of integrations and documentation rows, for tests of build, lint and apply.</summary>
public sealed partial class TrutoEmulator
{
    /// <summary>
    /// The status a PATCH with a stale integration <c>version</c> gets: 409 by default; set 400 to answer as the API
    /// reference documents.
    /// </summary>
    public int StaleVersionStatus
    {
        get => _store.StaleVersionStatus;
        set => _store.StaleVersionStatus = value;
    }

    /// <summary>
    /// Adds an integration to <paramref name="token"/>'s team as POST /integration would, and returns the stored row.
    /// <paramref name="fields"/> needs <c>name</c>; <c>config</c>, <c>category</c>, <c>sharing</c>, <c>is_beta</c>,
    /// and even <c>id</c> and <c>version</c>, override the defaults.
    /// </summary>
    public JObject SeedIntegration(string token, JObject fields) => _store.AddIntegration(token, fields);

    /// <summary>The integrations of <paramref name="token"/>'s team, as stored.</summary>
    public IReadOnlyList<JObject> GetIntegrations(string token) => _store.Integrations(token);

    /// <summary>
    /// Adds a documentation row, as POST /documentation would, and returns it. <paramref name="fields"/> needs
    /// <c>entity_id</c> and <c>content</c>; <c>entity_type</c> defaults to <c>integration</c>.
    /// </summary>
    public JObject SeedDocumentation(string token, JObject fields) => _store.AddDocumentation(token, fields);

    /// <summary>Every documentation row of <paramref name="token"/>'s team, in creation order.</summary>
    public IReadOnlyList<JObject> GetDocumentation(string token) => _store.Documentation(token);
}
