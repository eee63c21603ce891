package vn.gems.reporting.service.export;

import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.rest.ConsolidationView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The wording of the printed reports in one language: the Vietnamese text carries no English glosses, and the
 * English rendering is a whole document of its own ({@link Lang}).
 */
final class Labels {

    private static final Locale VI = Locale.of("vi", "VN");
    /** Tables show dates as 30/11/2025 (dd/MM/yyyy), as Vietnamese documents do. */
    private static final DateTimeFormatter TABLE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final Lang lang;

    private Labels(Lang lang) {
        this.lang = lang;
    }

    static Labels of(Lang lang) {
        return new Labels(lang);
    }

    /** The Vietnamese or the English wording. */
    String t(String vi, String en) {
        return lang == Lang.VI ? vi : en;
    }

    String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "ACHIEVED" -> t("Đạt", "Achieved");
            case "ON_TRACK" -> t("Đúng tiến độ", "On track");
            case "OFF_TRACK" -> t("Chậm tiến độ", "Off track");
            case "NO_DATA" -> t("Chưa có số liệu", "No data");
            default -> status;
        };
    }

    String timeliness(String s) {
        return switch (s) {
            case "ON_TIME" -> t("Đúng hạn", "On time");
            case "LATE" -> t("Trễ hạn", "Late");
            case "MISSING" -> t("Chưa báo cáo", "Missing");
            case "PENDING" -> t("Chưa đến hạn", "Not due yet");
            default -> s;
        };
    }

    /** An obligation's state. */
    String state(String s) {
        return switch (s) {
            case "OPEN" -> t("Chưa nộp", "Not submitted");
            case "SUBMITTED" -> t("Đã nộp", "Submitted");
            case "RETURNED" -> t("Trả lại", "Returned");
            case "ACCEPTED" -> t("Đã chấp nhận", "Accepted");
            case "CANCELLED" -> t("Đã hủy", "Cancelled");
            default -> s;
        };
    }

    String kind(RuleKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case OWN_PLAN -> t("Kế hoạch của cơ quan", "Own plan");
            case SIX_MONTH -> t("Báo cáo 6 tháng", "Six-month report");
            case ANNUAL -> t("Báo cáo năm", "Annual report");
            case THEMATIC -> t("Báo cáo chuyên đề", "Thematic report");
            case AD_HOC -> t("Báo cáo đột xuất", "Ad hoc report");
            case MID_TERM_REVIEW -> t("Sơ kết giữa kỳ", "Mid-term review");
            case FINAL_REVIEW -> t("Tổng kết", "Final review");
        };
    }

    String comparator(TargetComparator c) {
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
            case REDUCE_TO -> t("giảm còn", "down to");
            case RANGE -> t("trong khoảng", "within");
        };
    }

    String target(TargetComparator c, BigDecimal value, Integer year) {
        return target(c, value, null, null, year);
    }

    /** A row's target: a range "30–40", an "about" target with its ± tolerance, and the period's interim target. */
    String target(ConsolidationView.TargetRow r) {
        String text = target(r.comparator(), r.targetValue(), r.targetValueHigh(), r.tolerance(), r.targetYear());
        if (r.interimTarget() == null) {
            return text;
        }
        return (text + "; " + t("chỉ tiêu kỳ này ", "this period's interim target ") + r.interimTarget().stripTrailingZeros().toPlainString()).trim();
    }

    private String target(TargetComparator c, BigDecimal value, BigDecimal high, BigDecimal tolerance, Integer year) {
        if (value == null) {
            return "";
        }
        return (comparator(c) + " " + value.stripTrailingZeros().toPlainString()
                + (high == null ? "" : "–" + high.stripTrailingZeros().toPlainString())
                + (tolerance == null ? "" : " ± " + tolerance.stripTrailingZeros().toPlainString())
                + (year == null ? "" : " (" + year + ")")).trim();
    }

    /**
     * The date of the place-and-date line: Decree 30/2020 writes "ngày 07 tháng 3 năm 2025" — a zero before days
     * under 10 and before months 1 and 2 only. English: "7 March 2025".
     */
    String longDate(LocalDate d) {
        if (lang == Lang.EN) {
            return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
        }
        String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : String.valueOf(d.getDayOfMonth());
        String month = d.getMonthValue() <= 2 ? "0" + d.getMonthValue() : String.valueOf(d.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + d.getYear();
    }

    /** "Huế, ngày 07 tháng 12 năm 2026" (the place is left out when unknown). */
    String placeAndDate(String place, LocalDate d) {
        String date = longDate(d);
        if (place == null || place.isBlank()) {
            return lang == Lang.VI ? "N" + date.substring(1) : date;
        }
        return place + ", " + date;
    }

    static String tableDate(LocalDate d) {
        return d == null ? "" : TABLE_DATE.format(d);
    }

    /** "2025" → "năm 2025"; "2025S1" → "6 tháng đầu năm 2025"; "2025Q3" → "quý 3 năm 2025"; else "kỳ …". */
    String period(String p) {
        if (p == null) {
            return "";
        }
        if (p.matches("\\d{4}")) {
            return t("năm " + p, "for " + p);
        }
        if (p.matches("\\d{4}S[12]")) {
            String y = p.substring(0, 4);
            return p.endsWith("1") ? t("6 tháng đầu năm " + y, "for the first half of " + y) : t("6 tháng cuối năm " + y, "for the second half of " + y);
        }
        if (p.matches("\\d{4}Q[1-4]")) {
            return t("quý " + p.charAt(5) + " năm " + p.substring(0, 4), "for Q" + p.charAt(5) + " " + p.substring(0, 4));
        }
        return t("kỳ " + p, "for period " + p);
    }

    String upper(String s) {
        return s == null ? null : s.toUpperCase(lang == Lang.VI ? VI : Locale.ENGLISH);
    }

    static String roman(int n) {
        String[] r = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n >= 1 && n <= r.length ? r[n - 1] : String.valueOf(n);
    }

    String sectionKind(String kind) {
        return switch (kind) {
            case "RESULTS" -> t("Kết quả đạt được", "Results");
            case "ACTIVITIES" -> t("Hoạt động", "Activities");
            case "DIFFICULTIES" -> t("Khó khăn, vướng mắc", "Difficulties");
            case "PROPOSALS" -> t("Đề xuất, kiến nghị", "Proposals");
            default -> t("Nội dung khác", "Other");
        };
    }
}
