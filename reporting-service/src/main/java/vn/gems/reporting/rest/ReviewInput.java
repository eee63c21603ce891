package vn.gems.reporting.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A reviewer's decision note: a summary and comments on sections or on values. */
@Schema(name = "ReviewInput", example = """
        {"summary":"Đề nghị bổ sung số liệu chỉ tiêu 2",
         "comments":[{"sectionKind":"RESULTS","objectiveKey":"O4","measureKey":null,"text":"Nêu rõ nguồn số liệu"},
                     {"sectionKind":null,"objectiveKey":null,"measureKey":"O4-T2-M1","text":"Mẫu số chưa đúng"}]}""")
public record ReviewInput(@Size(max = 5000) String summary, @Size(max = 200) List<@Valid @NotNull Comment> comments) {

    public ReviewInput {
        comments = comments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(comments));
    }

    /** A comment on a section (kind, optionally objective), on a value (measure key), or on the report (neither). */
    public record Comment(ReportContent.SectionKind sectionKind, @Size(max = 40) String objectiveKey,
                          @Size(max = 60) String measureKey, @NotBlank @Size(max = 5000) String text) {
    }
}
