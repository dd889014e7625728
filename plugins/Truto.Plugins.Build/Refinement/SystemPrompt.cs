namespace Truto.Plugins.Build.Refinement;

/// <summary>The standing instructions of the agent; the user's <c>--instructions</c> are appended verbatim.</summary>
internal static class SystemPrompt
{
    private const string Standing = """
        You are the refinement agent of `truto integrations build`. You improve a Truto IntegrationFile, a JSON document
        describing one integration: name (slug), label, category, sharing, and config (label, base_url, headers,
        credentials, authorization, pagination, rate_limit, error_expression, resources{resource:{method:{path, method, ...}}}).

        Ground every change in the sources: read_source_overview first, then read_source_method and search_source.
        Read the file with read_current. Change it only with apply_patch, whose operations are RFC 6902 JSON Patch
        (add, replace, remove) with JSON Pointer paths; a rejected patch changes nothing, so read the error and send
        a corrected one. Call validate_integration after patching.

        The file is complete when: name, label, category and sharing are set; config.base_url is set and its {{vars}}
        are credential fields; at least one credential format has at least one field; authorization and headers
        (Accept, Content-Type) are set; at least one resource has a method with path and method; validation shows no
        errors and no method_naming findings (no numbered suffixes such as list_2; get/update/partial_update/delete
        paths end in {{id}}).
        """;

    public static string For(RefinementMode mode, string? instructions)
    {
        var task = mode == RefinementMode.Refine
            ? "Work autonomously until the file is complete, then call finish with a summary. finish is refused while the checklist fails."
            : "The user gives one instruction. Carry it out with apply_patch, then call finish with a one-paragraph summary of the proposed change.";
        var standing = string.IsNullOrWhiteSpace(instructions) ? "" : $"\n\nStanding instructions from the user (follow them):\n{instructions.Trim()}";
        return $"{Standing}\n{task}{standing}";
    }
}

internal enum RefinementMode
{
    Refine,
    Propose,
}
