package vn.gems.reporting.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an agency writes in a report (the structure of the seeds' report requests): narrative sections, the
 * activities held (with counts and participants by sex) and a value for every target measure it is responsible for.
 */
@Schema(name = "ReportContent", example = """
        {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh giảm còn 110 bé trai/100 bé gái."},
                     {"kind":"DIFFICULTIES","objectiveKey":null,"text":"Số liệu tuyến xã còn chậm."},
                     {"kind":"PROPOSALS","objectiveKey":null,"text":"Đề nghị bổ sung kinh phí truyền thông."}],
         "activities":[{"objectiveKey":"O4","title":"Tập huấn tư vấn sức khỏe sinh sản","count":12,
                        "participantsFemale":420,"participantsMale":180,"participantsTotal":600}],
         "values":[{"measureKey":"O4-T1-M1","female":7012,"male":7714,"total":14726,"comment":"Số liệu từ sổ A1/YTCS"},
                   {"measureKey":"O4-T2-M1","value":14.2,"numerator":2,"denominator":14085}]}""")
public record ReportContent(
        @Size(max = 200) List<@Valid @NotNull Section> sections,
        @Size(max = 500) List<@Valid @NotNull Activity> activities,
        @Size(max = 500) List<@Valid @NotNull Value> values) {

    public ReportContent {
        // Null elements are kept for Bean Validation to name ("values[2]: must not be null").
        sections = sections == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sections));
        activities = activities == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(activities));
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static ReportContent empty() {
        return new ReportContent(List.of(), List.of(), List.of());
    }

    /** Narrative section kinds: kết quả đạt được, hoạt động, khó khăn vướng mắc, đề xuất kiến nghị. */
    public enum SectionKind { RESULTS, ACTIVITIES, DIFFICULTIES, PROPOSALS, OTHER }

    /** A narrative section, about one objective ({@code objectiveKey}) or the whole plan (null). */
    public record Section(@NotNull SectionKind kind, @Size(max = 40) String objectiveKey,
                          @NotBlank @Size(max = 20000) String text) {
    }

    /** An activity held: how many times, and who took part by sex. */
    public record Activity(@Size(max = 40) String objectiveKey, @NotBlank @Size(max = 1000) String title,
                           @Min(0) Integer count, @Min(0) Integer participantsFemale, @Min(0) Integer participantsMale,
                           @Min(0) Integer participantsTotal) {
    }

    /**
     * The value of one target measure: female / male / total counts for figures about persons, a plain
     * {@code value} (with numerator and denominator for rates) otherwise; comment and evidence optional.
     */
    public record Value(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+") String measureKey,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal female,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal male,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal total,
                        @Digits(integer = 15, fraction = 6) BigDecimal value,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal numerator,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal denominator,
                        @Size(max = 2000) String comment, Long attachmentId) {
    }
}
