using McMaster.Extensions.CommandLineUtils;

namespace Truto.Plugins.Profiles;

[Command("profiles", "profile", Description = "Manage saved profiles (API URL, token, default account, BYOK keys).",
    ExtendedHelpText = """

Profiles live in ~/.truto/config.json (mode 0600); TRUTO_CONFIG_DIR names another folder.
'truto login' creates them.

Examples:
  truto profiles list
  truto profiles use staging
  truto profiles set apiUrl https://api.truto.one
  truto profiles set-key anthropic
""")]
[Subcommand(typeof(ListProfilesCommand), typeof(UseProfileCommand), typeof(SetProfileKeyCommand), typeof(GetProfileKeyCommand), typeof(SetByokKeyCommand))]
public sealed class ProfilesCommand
{
}
