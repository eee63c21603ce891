package vn.gems.indicators;

/** Cấp: quốc gia, tỉnh, huyện, xã. Districts exist only until 2025-06-30. */
public enum UnitLevel {
    NATION, PROVINCE, DISTRICT, COMMUNE
}
