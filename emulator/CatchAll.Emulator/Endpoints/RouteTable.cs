using System.Collections.Generic;
using CatchAll.Emulator.Http;

namespace CatchAll.Emulator.Endpoints;

/// <summary>Every operation of the contract.</summary>
internal static class RouteTable
{
    public static List<Route> All()
    {
        var routes = new List<Route>();
        routes.AddRange(JobEndpoints.Routes());
        routes.AddRange(MonitorEndpoints.Routes());
        routes.AddRange(WebhookEndpoints.Routes());
        routes.AddRange(EntityEndpoints.Routes());
        routes.AddRange(DatasetEndpoints.Routes());
        routes.AddRange(ProjectEndpoints.Routes());
        routes.AddRange(MetaEndpoints.Routes());
        return routes;
    }
}
