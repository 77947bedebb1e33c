using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>Route values come from the route only (issue 14): a posted field cannot change which record an action acts on.</summary>
public sealed class RouteBindingTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public void Every_action_parameter_named_in_its_route_binds_from_the_route_only()
    {
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.AttributeRouteInfo?.Template is not null)
            .ToList();
        var routeParameters = actions
            .SelectMany(a => TemplateParser.Parse(a.AttributeRouteInfo!.Template!).Parameters
                .SelectMany(p => a.Parameters.Where(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(q => (Action: a, Parameter: q)))
            .ToList();

        var loose = routeParameters
            .Where(x => x.Parameter.BindingInfo?.BindingSource != BindingSource.Path)
            .Select(x => $"{x.Action.ControllerName}.{x.Action.ActionName}({x.Parameter.Name}) on {x.Action.AttributeRouteInfo!.Template}")
            .ToList();

        Assert.True(routeParameters.Count > 100, $"only {routeParameters.Count} route parameters found: is the route table empty?");
        Assert.True(loose.Count == 0, "These bind from the form or query before the route:\n" + string.Join('\n', loose));
    }
}
