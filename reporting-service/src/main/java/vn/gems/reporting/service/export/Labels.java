package vn.gems.reporting.service.export;

import vn.gems.contracts.plans.TargetComparator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** Vietnamese wording for the printed reports (English kept in brackets where a reader may need it). */
final class Labels {

    private Labels() {
    }

    static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "ACHIEVED" -> "Đạt (achieved)";
            case "ON_TRACK" -> "Đúng tiến độ (on track)";
            case "OFF_TRACK" -> "Chậm tiến độ (off track)";
            case "NO_DATA" -> "Chưa có số liệu (no data)";
            default -> status;
        };
    }

    static String timeliness(String t) {
        return switch (t) {
            case "ON_TIME" -> "Đúng hạn (on time)";
            case "LATE" -> "Trễ hạn (late)";
            case "MISSING" -> "Chưa báo cáo (missing)";
            case "PENDING" -> "Chưa đến hạn (not due)";
            default -> t;
        };
    }

    static String comparator(TargetComparator c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case AT_LEAST -> "≥";
            case AT_MOST -> "≤";
            case BELOW -> "<";
            case ABOVE -> ">";
            case EQUAL -> "=";
            case ABOUT -> "≈";
            case REDUCE_TO -> "giảm còn";
        };
    }

    static String target(TargetComparator c, BigDecimal value, Integer year) {
        if (value == null) {
            return "";
        }
        return (comparator(c) + " " + value.stripTrailingZeros().toPlainString() + (year == null ? "" : " (" + year + ")")).trim();
    }

    static String date(LocalDate d) {
        return String.format(Locale.ROOT, "ngày %02d tháng %02d năm %d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.of("vi", "VN"));
    }

    static String roman(int n) {
        String[] r = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n >= 1 && n <= r.length ? r[n - 1] : String.valueOf(n);
    }

    static String sectionKind(String kind) {
        return switch (kind) {
            case "RESULTS" -> "Kết quả đạt được";
            case "ACTIVITIES" -> "Hoạt động";
            case "DIFFICULTIES" -> "Khó khăn, vướng mắc";
            case "PROPOSALS" -> "Đề xuất, kiến nghị";
            default -> "Nội dung khác";
        };
    }
}
