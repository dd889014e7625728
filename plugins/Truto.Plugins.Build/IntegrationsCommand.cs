using McMaster.Extensions.CommandLineUtils;

namespace Truto.Plugins.Build;

[Command("integrations", "integration", Description = "Build, lint and apply integration definitions (IntegrationFiles).",
    ExtendedHelpText = """

An IntegrationFile (<slug>.integration.json) describes one integration: its config (base URL,
credentials, authorization, pagination, resources and methods) and documentation rows.

Examples:
  truto integrations build ./openapi.yaml --no-llm
  truto integrations lint acme.integration.json
  truto integrations apply acme.integration.json --dry-run
""")]
[Subcommand(typeof(BuildIntegrationCommand), typeof(LintIntegrationCommand), typeof(ApplyIntegrationCommand))]
public sealed class IntegrationsCommand
{
}
