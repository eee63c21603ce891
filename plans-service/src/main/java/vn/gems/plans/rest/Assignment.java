package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.AssignmentRole;

import java.util.List;

/**
 * One item of "Tổ chức thực hiện": who (as printed, and the registered agencies it means), their tasks, and the
 * targets they must monitor and report. A group not registered one by one ("UBND các xã") keeps only its addressee.
 * {@code role}: RESPONSIBLE ("Chủ trì", "thực hiện", the default) report under ALL_ASSIGNED; REQUESTED ("Đề nghị")
 * are invited; COOPERATING ("Phối hợp") feed the responsible agency and do not report.
 */
@Schema(name = "Assignment", example = """
        {"key":"A10","label":"10","addressee":"Cục Thống kê","agencies":["TTH-STATS"],
         "tasks":["Thu thập, công bố kịp thời số liệu của tỉnh thuộc Bộ chỉ tiêu phát triển giới quốc gia hàng năm; xây dựng cơ sở dữ liệu thống kê về giới của tỉnh.",
                  "Chủ trì thu thập và báo cáo số liệu liên quan đến thực hiện chỉ tiêu 1 của mục tiêu 3 và chỉ tiêu 4 của mục tiêu 5."],
         "targetKeys":["O3-T1","O5-T4"],"role":"RESPONSIBLE"}""")
public record Assignment(
        @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @Size(max = 100) String label,
        @NotBlank @Size(max = 1000) String addressee,
        List<@NotBlank @Size(max = 40) String> agencies,
        List<@NotBlank @Size(max = 20000) String> tasks,
        List<@NotBlank @Size(max = 40) String> targetKeys,
        @Schema(description = "RESPONSIBLE (when absent), COOPERATING or REQUESTED") AssignmentRole role) {

    public Assignment {
        agencies = agencies == null ? List.of() : agencies;
        tasks = tasks == null ? List.of() : tasks;
        targetKeys = targetKeys == null ? List.of() : targetKeys;
    }

    public Assignment withKey(String newKey) {
        return new Assignment(newKey, label, addressee, agencies, tasks, targetKeys, role);
    }
}
