using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace KyodoPortal.Web.Infrastructure;

/// <summary>
/// Feature folders: a controller's views are looked up in the folder of its namespace
/// (<c>KyodoPortal.Web.Features.ProjectYears.ActivitiesController</c> → <c>/Features/ProjectYears/</c>),
/// so several controllers of one feature share its folder and no controller names a view path.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Prefix = "KyodoPortal.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            context.Values[Key] = ns[Prefix.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(location => location.Replace("{1}", feature, StringComparison.Ordinal))
            : viewLocations;
    }
}
