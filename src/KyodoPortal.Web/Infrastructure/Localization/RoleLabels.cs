using KyodoPortal.Domain.Accounts;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>Japanese names of the roles (resource keys; English in SharedResource.en.resx).</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        KyodoRoles.Administrator => "システム管理者",
        KyodoRoles.Coordinator => "協働推進担当（コーディネーター）",
        KyodoRoles.DepartmentStaff => "担当課職員",
        KyodoRoles.GroupMember => "市民活動団体メンバー",
        KyodoRoles.CommitteeMember => "評価委員",
        _ => role,
    };
}
