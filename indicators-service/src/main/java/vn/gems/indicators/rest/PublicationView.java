package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A published data set. */
@Schema(name = "Publication", example = """
        {"id":3,"indicator":"BIRTHS","period":"2024","unit":"VN-46","publishedBy":"stats.officer","publishedAgency":"TTH-STATS",
         "publishedAt":"2026-03-02T10:00:00Z"}""")
public record PublicationView(long id, String indicator, String period, String unit, String publishedBy, String publishedAgency,
                              Instant publishedAt) {
}
