using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KyodoPortal.Web.Infrastructure.Validation;

/// <summary>
/// Runs the FluentValidation validator of every bound action argument and copies failures into
/// ModelState, so views show them next to fields. Explicit and async (FluentValidation's docs
/// advise against its old auto-validation package, which also cannot be restored here).
/// </summary>
public sealed class FluentValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (!context.ActionArguments.TryGetValue(parameter.Name, out var argument) || argument is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                var key = string.IsNullOrEmpty(parameter.BindingInfo?.BinderModelName) ? error.PropertyName : $"{parameter.BindingInfo.BinderModelName}.{error.PropertyName}";
                if (context.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                {
                    // The value could not be read (binding said why); "required" on top of it would mislead.
                    continue;
                }

                context.ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        await next();
    }
}

public static class ValidationServiceCollectionExtensions
{
    /// <summary>Registers every validator in the web assembly (scoped: validators may use the database).</summary>
    public static IServiceCollection AddKyodoValidators(this IServiceCollection services)
    {
        var validators = typeof(FluentValidationFilter).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddScoped(service, implementation);
        }

        return services;
    }
}
