namespace Truto.Emulator.Http;

/// <summary>
/// Thrown by a resource handler to answer with an error envelope; <see cref="ErrorEnvelope.HandleAsync"/> turns it
/// into the response, so handlers stay straight-line code.
/// </summary>
internal sealed class ApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
