package vn.gems.plans;

/** What kind of body an agency is; the seeds name all of these. */
public enum AgencyKind {
    /** Bo (e.g. Ministry of Home Affairs). */
    MINISTRY,
    /** UBND tinh / huyen / xa. */
    PEOPLES_COMMITTEE,
    /** So (provincial department, e.g. So Y te). */
    PROVINCIAL_DEPARTMENT,
    /** Phong (district office, e.g. Phong LD-TB&XH huyen). */
    DISTRICT_OFFICE,
    /** Cuc Thong ke. */
    STATISTICS_OFFICE,
    /** Hoi LHPN, UBMTTQ and other mass organisations. */
    MASS_ORGANISATION,
    /** Newspapers, radio and television. */
    MEDIA,
    /** Cong an. */
    POLICE,
    /** A body of member agencies with dated membership, e.g. Ban vi su tien bo cua phu nu tinh (BODY_MEMBERS rules). */
    COMMITTEE,
    OTHER
}
