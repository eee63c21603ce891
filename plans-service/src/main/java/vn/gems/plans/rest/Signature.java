package vn.gems.plans.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who signed the document, as printed. */
@Schema(name = "Signature", example = """
        {"position":"KT. CHỦ TỊCH PHÓ CHỦ TỊCH","name":"Nguyễn Thành Bình"}""")
public record Signature(@Size(max = 300) String position, @Size(max = 300) String name) {
}
