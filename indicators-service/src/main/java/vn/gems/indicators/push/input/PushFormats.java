package vn.gems.indicators.push.input;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every {@link PushFormat} of the service, found by the media type a push is sent with. */
@ApplicationScoped
public class PushFormats {

    private final Map<String, PushFormat> byMediaType = new LinkedHashMap<>();

    public PushFormats(@All List<PushFormat> formats) {
        for (PushFormat f : formats) {
            for (String type : f.mediaTypes()) {
                PushFormat before = byMediaType.putIfAbsent(type.toLowerCase(Locale.ROOT), f);
                if (before != null) {
                    throw new IllegalStateException("media type " + type + " claimed by " + before.name() + " and " + f.name());
                }
            }
        }
    }

    /** The format of a {@code Content-Type} header (parameters such as charset ignored), or 415. */
    public PushFormat of(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return Optional.ofNullable(byMediaType.get(type)).orElseThrow(() -> new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type", "Push one of " + String.join(", ", byMediaType.keySet())));
    }

    /** The media types accepted, in the order the formats list them. */
    public List<String> mediaTypes() {
        return List.copyOf(byMediaType.keySet());
    }
}
