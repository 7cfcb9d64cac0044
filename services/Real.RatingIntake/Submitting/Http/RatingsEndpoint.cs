using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting.Http;

/// <summary>
/// POST /ratings: the same JSON as SubmitRatings over AMQP, for tools that cannot speak AMQP. Authorization: Bearer
/// &lt;key&gt; names the tool. 200 + RatingsAccepted when every rating is recorded; 422 + RatingsRejected when some or
/// all ratings were rejected (Accepted lists what was recorded); 400 for a body that is not a readable batch; 401 for
/// a missing or unknown key; 403 when the batch claims another tool; 413 for a body over the size limit.
/// </summary>
public static class RatingsEndpoint
{
    public const string Path = "/ratings";

    public static IEndpointRouteBuilder MapRatingsIntake(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ToolApiKeys keys, RatingSubmissionHandler handler, CancellationToken cancellationToken)
    {
        var toolId = keys.Authenticate(BearerToken(http.Request));
        if (toolId is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"real-intake\"";
            return Reply(StatusCodes.Status401Unauthorized, WholeBatch("Authorization", "missing or unknown API key; send \"Authorization: Bearer <key>\""));
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Reply(StatusCodes.Status413PayloadTooLarge, WholeBatch("$", $"the body is larger than the limit of {SubmitRatings.MaxBodyBytes} bytes; split the batch", toolId));
        }

        var result = await handler.HandleAsync(body, toolId, cancellationToken);
        var status = result.Verdict switch
        {
            SubmissionVerdict.Accepted => StatusCodes.Status200OK,
            SubmissionVerdict.Malformed => StatusCodes.Status400BadRequest,
            SubmissionVerdict.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Reply(status, result.Reply);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The whole body, or null when it exceeds the limit (read no further than the limit, whatever Content-Length says).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SubmitRatings.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > SubmitRatings.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static RatingsRejected WholeBatch(string field, string reason, string? toolId = null) =>
        new(null, toolId, [new BatchError(field, null, reason)], [], [], []);

    private static IResult Reply(int status, object body) =>
        Results.Text(JsonSerializer.Serialize(body, body.GetType(), ToolJson.Options), "application/json", System.Text.Encoding.UTF8, status);
}
