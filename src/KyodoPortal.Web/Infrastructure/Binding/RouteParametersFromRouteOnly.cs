using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Template;

namespace KyodoPortal.Web.Infrastructure.Binding;

/// <summary>
/// An action parameter named like a parameter of its route template (<c>{id}</c>, <c>{callId}</c>,
/// <c>{fiscalYear}</c>…) binds from the route only. MVC's default looks at the posted form first,
/// so a body field <c>id=1</c> posted to <c>/proposals/999/edit</c> would act on proposal 1 while
/// the URL (and every log line) names 999. One convention instead of <c>[FromRoute]</c> on each of
/// hundreds of parameters; a parameter with its own binding attribute keeps it.
/// </summary>
public sealed class RouteParametersFromRouteOnly : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var routeNames = RouteParameterNames(action);
        foreach (var parameter in action.Parameters)
        {
            if (parameter.BindingInfo?.BindingSource is not null || !routeNames.Contains(parameter.ParameterName))
            {
                continue;
            }

            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }

    private static HashSet<string> RouteParameterNames(ActionModel action)
    {
        var templates = action.Selectors.Select(s => s.AttributeRouteModel?.Template)
            .Concat(action.Controller.Selectors.Select(s => s.AttributeRouteModel?.Template))
            .OfType<string>();
        return templates
            .SelectMany(template => TemplateParser.Parse(template).Parameters)
            .Select(p => p.Name!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
