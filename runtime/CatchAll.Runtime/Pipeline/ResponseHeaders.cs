using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace CatchAll.Runtime
{
    internal static class ResponseHeaders
    {
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            Add(headers, response.Headers);
            if (response.Content is not null)
            {
                Add(headers, response.Content.Headers);
            }

            return headers;
        }

        private static void Add(Dictionary<string, IReadOnlyList<string>> target, HttpHeaders source)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in source)
            {
                target[header.Key] = header.Value.ToArray();
            }
        }
    }
}
