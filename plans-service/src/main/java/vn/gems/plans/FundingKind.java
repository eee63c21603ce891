package vn.gems.plans;

/** Funding sources (Kinh phí) a plan names. */
public enum FundingKind {
    /** Ngân sách nhà nước, level not specified. */
    STATE_BUDGET,
    /** Ngân sách Trung ương. */
    CENTRAL_BUDGET,
    /** Ngân sách địa phương. */
    LOCAL_BUDGET,
    /** Kinh phí thường xuyên of the agencies themselves. */
    AGENCY_REGULAR_BUDGET,
    /** Chương trình mục tiêu quốc gia, programmes and projects. */
    PROGRAMMES,
    /** Tài trợ, viện trợ quốc tế. */
    INTERNATIONAL_AID,
    /** Xã hội hóa: mobilised from society, businesses, individuals. */
    SOCIAL_MOBILISATION,
    OTHER
}
