package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A published data set as anyone may read it: which agency published it and when, not which officer. */
@Schema(name = "PublicPublication", example = """
        {"indicator":"BIRTHS","period":"2024","unit":"VN-46","publishedAgency":"TTH-STATS","publishedAt":"2026-03-02T10:00:00Z"}""")
public record PublicPublicationView(String indicator, String period, String unit, String publishedAgency, Instant publishedAt) {

    static PublicPublicationView of(PublicationView p) {
        return new PublicPublicationView(p.indicator(), p.period(), p.unit(), p.publishedAgency(), p.publishedAt());
    }
}
