package vn.gems.indicators;

/** Restructuring (sắp xếp đơn vị hành chính) with an effective date. */
public enum UnitEventKind {
    /** Sáp nhập: the FROM units' territory joins the TO unit (which may be one of them, continuing). */
    MERGE,
    /** Chia tách: the FROM unit's territory is divided among the TO units. */
    SPLIT,
    /** Đổi tên: same code and territory, new name. */
    RENAME,
    /** The FROM units move under the TO unit. */
    REPARENT
}
