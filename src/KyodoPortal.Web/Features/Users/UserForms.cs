using KyodoPortal.Domain.Accounts;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KyodoPortal.Web.Features.Users;

/// <summary>What the account pages share: the profile a form sets, Identity's refusals as form errors, and the edit page.</summary>
public static class UserForms
{
    /// <summary>Department staff keep a department and group members a group; other roles keep none they don't need.</summary>
    public static void ApplyProfile(AppUser user, UserProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        user.DisplayName = input.DisplayName!.Trim();
        user.DepartmentId = input.Roles.Contains(KyodoRoles.DepartmentStaff) || input.Roles.Contains(KyodoRoles.Coordinator) ? input.DepartmentId : null;
        user.CitizenGroupId = input.Roles.Contains(KyodoRoles.GroupMember) ? input.CitizenGroupId : null;
    }

    /// <summary>Identity's refusals (already localized by its error describer) on the fields they are about.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IdentityResult result, string passwordField, string emailField)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" => passwordField,
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => emailField,
                _ => string.Empty,
            };
            modelState.AddModelError(field, error.Description);
        }
    }

    public static async Task<EditUserInput> CurrentProfileAsync(UserManager<AppUser> userManager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(user);
        return new EditUserInput
        {
            DisplayName = user.DisplayName,
            Roles = [.. await userManager.GetRolesAsync(user)],
            DepartmentId = user.DepartmentId,
            CitizenGroupId = user.CitizenGroupId,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
    }

    /// <summary>The edit page of <paramref name="user"/> as <paramref name="signedInUserId"/> sees it at <paramref name="now"/>.</summary>
    public static async Task<EditUserViewModel> EditPageAsync(KyodoDbContext db, AppUser user, string signedInUserId, DateTimeOffset now, EditUserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        return new(
            user.Id,
            user.Email ?? string.Empty,
            user.IsActive,
            user.LockoutEnd is { } end && end > now,
            user.Id == signedInUserId,
            input,
            await UserQueries.OptionsAsync(db, input.DepartmentId, input.CitizenGroupId, cancellationToken));
    }
}

public sealed record CreateUserViewModel(CreateUserInput Input, UserFormOptions Options);

public sealed record EditUserViewModel(
    string Id,
    string Email,
    bool IsActive,
    bool IsLockedOut,
    bool IsSelf,
    EditUserInput Input,
    UserFormOptions Options);
