using Truto.Emulator.Data;

namespace Truto.Emulator.Http;

/// <summary>
/// Every route needs <c>Authorization: Bearer &lt;token&gt;</c> for a token the emulator knows; the tenant it
/// belongs to is then available to handlers as <see cref="Tenant"/>.
/// </summary>
internal static class Authentication
{
    private const string BearerPrefix = "Bearer ";

    public static Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : "";
        var tenant = token.Length == 0 ? null : context.RequestServices.GetRequiredService<EmulatorStore>().FindByToken(token);
        if (tenant is null)
        {
            return ErrorEnvelope.WriteAsync(context, StatusCodes.Status401Unauthorized, "Invalid API token");
        }

        context.Items[typeof(TenantData)] = tenant;
        return next(context);
    }

    /// <summary>The tenant of the request's bearer token (set by <see cref="AuthenticateAsync"/>).</summary>
    public static TenantData Tenant(this HttpContext context) =>
        context.Items[typeof(TenantData)] as TenantData
        ?? throw new InvalidOperationException("The request was not authenticated: is Authentication in the pipeline?");
}
