package vn.gems.indicators.sdmx;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The official SDMX schemas of the project's shared standards folder ({@code shared/standards/} beside the checkout:
 * found by walking up from the module, or named by {@code -Dgems.standards.dir}), unchanged, used to validate output.
 */
public final class SdmxSchemas {

    private SdmxSchemas() {
    }

    public static Path standards() {
        String named = System.getProperty("gems.standards.dir");
        if (named != null) {
            return Path.of(named);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            // the repository's copy (standards/), else the workspace's shared/standards beside the checkout
            for (String dir : new String[]{"standards", "shared/standards"}) {
                Path candidate = p.resolve(dir);
                if (Files.isDirectory(candidate.resolve("sdmx-ml-2.1/schemas"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("standards/sdmx-ml-2.1 not found above " + Path.of("").toAbsolutePath()
                + " (set -Dgems.standards.dir)");
    }

    public static Path sdmxMl21() {
        return standards().resolve("sdmx-ml-2.1/schemas");
    }

    /** The SDMX-JSON 1.0 data schema, where the standards folder holds it. */
    public static Optional<Path> sdmxJsonData() {
        Path p = standards().resolve("sdmx-json-1.0/sdmx-json-data-schema.json");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Validates an SDMX-ML 2.1 message against SDMXMessage.xsd and, for structure-specific data, the DSD-specific
     * schema the service generated (resolved beside the official files, whose names it imports).
     */
    public static void validate(String xml, String dsdSchema) throws SAXException, IOException {
        Path dir = sdmxMl21();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Source message = new StreamSource(dir.resolve("SDMXMessage.xsd").toFile());
        Source[] sources = dsdSchema == null ? new Source[]{message}
                : new Source[]{message, new StreamSource(new ByteArrayInputStream(dsdSchema.getBytes(StandardCharsets.UTF_8)),
                dir.resolve("gems-dsd-generated.xsd").toUri().toString())};
        f.newSchema(sources).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
