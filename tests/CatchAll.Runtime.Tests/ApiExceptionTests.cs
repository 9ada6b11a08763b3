using System;
using System.Collections.Generic;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class ApiExceptionTests
{
    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(422, typeof(UnprocessableEntityException))]
    [InlineData(429, typeof(RateLimitedException))]
    [InlineData(409, typeof(CatchAllApiException))]
    [InlineData(500, typeof(CatchAllApiException))]
    public void Create_maps_status_to_type(int status, Type expected)
    {
        var exception = CatchAllApiException.Create("op", status, "{\"detail\":\"why\"}");

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("why", exception.Detail);
        Assert.Equal("op", exception.OperationId);
    }

    [Fact]
    public void Message_names_operation_status_reason_and_detail()
    {
        var exception = CatchAllApiException.Create("createJob", 400, "{\"detail\":\"query is required\"}");

        Assert.Equal("createJob failed with HTTP 400 (Bad Request): query is required.", exception.Message);
    }

    [Fact]
    public void Entity_style_bodies_use_message_as_detail()
    {
        var exception = CatchAllApiException.Create("getEntity", 404, "{\"message\":\"Entity not found\",\"status\":\"error\",\"status_code\":404}");

        Assert.IsType<NotFoundException>(exception);
        Assert.Equal("Entity not found", exception.Detail);
    }

    [Fact]
    public void Validation_errors_parse_mixed_string_and_integer_locations()
    {
        const string body = "{\"detail\":[" +
            "{\"loc\":[\"body\",\"limit\"],\"msg\":\"must be at most 100\",\"type\":\"less_than_equal\"}," +
            "{\"loc\":[\"query\",\"page\",0],\"msg\":\"not an integer\",\"type\":\"int_parsing\"}]}";

        var exception = Assert.IsType<UnprocessableEntityException>(CatchAllApiException.Create("createJob", 422, body));

        Assert.Null(exception.Detail);
        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal("body.limit", exception.Errors[0].LocationPath);
        Assert.Equal("must be at most 100", exception.Errors[0].Message);
        Assert.Equal("less_than_equal", exception.Errors[0].Type);
        Assert.Equal(new object[] { "query", "page", 0L }, exception.Errors[1].Location);
        Assert.IsType<long>(exception.Errors[1].Location[2]);
        Assert.Equal("query.page[0]", exception.Errors[1].LocationPath);
        Assert.Contains("body.limit: must be at most 100", exception.Message);
    }

    [Fact]
    public void Non_json_bodies_keep_the_status_and_show_a_snippet()
    {
        var exception = CatchAllApiException.Create("op", 502, "<html>upstream connect error</html>");

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.Detail);
        Assert.Equal("<html>upstream connect error</html>", exception.ResponseBody);
        Assert.Contains("upstream connect error", exception.Message);
        Assert.StartsWith("op failed with HTTP 502 (Bad Gateway)", exception.Message);
    }

    [Fact]
    public void Empty_body_still_produces_a_readable_message()
    {
        var exception = CatchAllApiException.Create("op", 500, null);

        Assert.Equal("op failed with HTTP 500 (Internal Server Error).", exception.Message);
        Assert.Empty(exception.Headers);
    }

    [Fact]
    public void Rate_limit_reads_retry_after_seconds_from_headers()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["retry-after"] = new[] { "12" },
        };

        var exception = Assert.IsType<RateLimitedException>(CatchAllApiException.Create("op", 429, null, headers));

        Assert.Equal(TimeSpan.FromSeconds(12), exception.RetryAfter);
        Assert.Null(Assert.IsType<RateLimitedException>(CatchAllApiException.Create("op", 429, null)).RetryAfter);
    }
}
