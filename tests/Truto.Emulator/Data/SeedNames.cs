namespace Truto.Emulator.Data;

/// <summary>Realistic names for seeded rows, taken in order so tests can predict them.</summary>
internal static class SeedNames
{
    private static readonly (string Name, string Domain)[] Teams =
    [
        ("Acme Corp", "acme.example"),
        ("Globex", "globex.example"),
        ("Initech", "initech.example"),
        ("Umbrella Labs", "umbrella-labs.example"),
    ];

    private static readonly string[] Environments = ["Production", "Staging", "Development", "Sandbox"];

    // AddToken seeds the first three; SeedApiTokens goes on from there.
    private static readonly string[] ApiTokens =
    [
        "CI deploy token",
        "Staging sync worker",
        "Local development",
        "Data warehouse export",
        "Zapier bridge",
        "Support dashboard",
        "Nightly backup job",
        "Terraform provisioner",
        "Webhook relay",
        "Analytics ingest",
        "Billing reconciliation",
        "Customer portal backend",
        "Incident bot",
        "QA automation",
        "Partner onboarding script",
        "Reporting service",
        "Mobile app backend",
        "Airflow DAG runner",
        "Sales ops sync",
        "Security audit (read-only)",
    ];

    public static (string Name, string Domain) Team(int index)
    {
        var (name, domain) = Teams[index % Teams.Length];
        var round = index / Teams.Length;
        return round == 0 ? (name, domain) : ($"{name} {round + 1}", $"{round + 1}.{domain}");
    }

    public static string Environment(int index) => Cycle(Environments, index);

    /// <summary>The name of a tenant's <paramref name="index"/>-th API token: unique within the tenant.</summary>
    public static string ApiToken(int index) => Cycle(ApiTokens, index);

    private static string Cycle(string[] names, int index)
    {
        var round = index / names.Length;
        var name = names[index % names.Length];
        return round == 0 ? name : $"{name} {round + 1}";
    }
}
