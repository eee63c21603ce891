package vn.gems.reporting.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.rest.ReviewInput;

/** Report content and review notes ⇄ the JSON kept in the database. */
@ApplicationScoped
public class ContentCodec {

    private final ObjectMapper json;

    public ContentCodec(ObjectMapper json) {
        this.json = json;
    }

    public ReportContent content(String text) {
        return text == null || text.isBlank() ? ReportContent.empty() : read(text, ReportContent.class);
    }

    public ReviewInput review(String text) {
        return text == null || text.isBlank() ? null : read(text, ReviewInput.class);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** Any JSON this service stored (plan documents, outbox payloads) as the record it was written from. */
    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
