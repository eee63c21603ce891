package vn.gems.contracts.plans;

/** What an assignment of "Tổ chức thực hiện" asks of its agencies, which decides whether they report. */
public enum AssignmentRole {
    /** "Chủ trì", "thực hiện": a required submitter under ALL_ASSIGNED. */
    RESPONSIBLE,
    /** "Phối hợp": feeds the responsible agency, reports to no one under the plan. */
    COOPERATING,
    /** "Đề nghị" (Women's Union, Fatherland Front, press): invited to report, never counted in completeness. */
    REQUESTED
}
