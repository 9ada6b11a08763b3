namespace CatchAll.Runtime;

/// <summary>Standard reason phrases, so messages read the same whatever the server put on its status line.</summary>
internal static class HttpReasonPhrase
{
    public static string For(int statusCode)
    {
        switch (statusCode)
        {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 402: return "Payment Required";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 406: return "Not Acceptable";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Content Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default:
                return statusCode >= 500 ? "Server Error" : statusCode >= 400 ? "Client Error" : "Unexpected Status";
        }
    }
}
