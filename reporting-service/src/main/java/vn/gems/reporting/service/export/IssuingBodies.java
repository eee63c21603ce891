package vn.gems.reporting.service.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.reporting.client.UnitNames;
import vn.gems.reporting.service.AgencyDirectory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a document's issuing body as it was on the document's date (Decree 30/2020 prints the body's name of
 * that day): the agency's duties go to its holder when it was retired by then (the 2025 hand-overs), and the
 * names of bodies that embed their unit's name follow the unit's renaming ("Sở Y tế tỉnh Thừa Thiên Huế" is
 * "Sở Y tế thành phố Huế" from 1 January 2025). The place of the place-and-date line is the unit's name then,
 * without its level ("Huế"). Peers that cannot answer leave the names as the registry has them.
 */
@ApplicationScoped
public class IssuingBodies {

    private static final Logger LOG = Logger.getLogger(IssuingBodies.class);
    private static final Pattern LEVEL_VI = Pattern.compile("^(?i)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\\s+");
    private static final Pattern LEVEL_EN = Pattern.compile("\\s+(?i)(province|city|district|town|commune|ward|township|special zone)(\\s*\\(.*\\))?$");
    private static final Pattern PLACE_IN_NAME = Pattern.compile("(?i)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\\s+(.+)$");

    /** The issuing body on the document's date: code, governing body, own name, place, and the signer's capacity. */
    public record Issuer(String code, String authority, String body, String place, List<String> signature) {
    }

    private final AgencyDirectory agencies;
    private final IndicatorsClient indicators;

    public IssuingBodies(AgencyDirectory agencies, IndicatorsClient indicators) {
        this.agencies = agencies;
        this.indicators = indicators;
    }

    /**
     * Runs {@code work} in one transaction with the agencies among {@code codes} read in one query first: a document
     * names a hundred agencies, and each name read alone was a statement and a transaction of its own.
     */
    public <T> T withAgencies(Collection<String> codes, Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            agencies.knownAll(codes);
            return work.get();
        });
    }

    public Issuer asOf(String agencyCode, LocalDate day, Lang lang) {
        Labels w = Labels.of(lang);
        String code = holder(agencyCode, day);
        Optional<AgencyRef> ref = agencies.known(code).or(() -> agencies.known(agencyCode));
        String body = ref.map(a -> name(a, lang)).orElse(agencyCode);
        String authority = ref.flatMap(a -> a.parentCode == null ? Optional.empty() : agencies.known(a.parentCode)).map(p -> name(p, lang))
                .orElse(w.t("Ủy ban nhân dân", "People's Committee"));
        String place = null;
        UnitNames unit = ref.map(a -> a.unitCode).map(u -> unit(u, day)).orElse(null);
        if (unit != null && unit.nameVi() != null) {
            for (UnitNames.Name old : unit.names() == null ? List.<UnitNames.Name>of() : unit.names()) {
                body = renamed(body, old, unit, lang);
                authority = renamed(authority, old, unit, lang);
            }
            place = lang == Lang.VI ? LEVEL_VI.matcher(unit.nameVi()).replaceFirst("") : core(unit.nameEn());
        }
        if (place == null && lang == Lang.VI) {
            Matcher m = PLACE_IN_NAME.matcher(authority);
            place = m.find() ? m.group(1) : null;
        }
        return new Issuer(ref.map(a -> a.code).orElse(agencyCode), authority, body, place, signature(body, w));
    }

    /**
     * Any agency's name as it was on the day (its unit's renaming applied); the registry fetched when the agency is
     * not known locally, the code itself when nobody knows it.
     */
    public String nameOn(String code, LocalDate day, Lang lang) {
        if (code == null) {
            return "";
        }
        Optional<AgencyRef> ref = agencies.known(code);
        if (ref.isEmpty()) {
            try {
                ref = agencies.get(code);
            } catch (RuntimeException e) {
                LOG.debugf("agency %s unknown: %s", code, e.getMessage());
            }
        }
        if (ref.isEmpty()) {
            return code;
        }
        String name = name(ref.get(), lang);
        UnitNames unit = ref.get().unitCode == null ? null : unit(ref.get().unitCode, day);
        if (unit != null && unit.nameVi() != null && unit.names() != null) {
            for (UnitNames.Name old : unit.names()) {
                name = renamed(name, old, unit, lang);
            }
        }
        return name;
    }

    /** Who held the agency's duties on the day; the agency itself when plans-service cannot say. */
    private String holder(String code, LocalDate day) {
        try {
            return agencies.holderOn(code, day);
        } catch (RuntimeException e) {
            LOG.debugf("holder of %s on %s unknown: %s", code, day, e.getMessage());
            return code;
        }
    }

    private UnitNames unit(String code, LocalDate day) {
        try {
            return indicators.unit(code, day);
        } catch (RuntimeException e) {
            LOG.debugf("unit %s on %s unknown: %s", code, day, e.getMessage());
            return null;
        }
    }

    private static String name(AgencyRef a, Lang lang) {
        return lang == Lang.EN && a.nameEn != null ? a.nameEn : a.nameVi != null ? a.nameVi : a.code;
    }

    /** Replaces a former name of the unit inside a body's name by the unit's name on the day. */
    static String renamed(String name, UnitNames.Name old, UnitNames now, Lang lang) {
        if (name == null) {
            return null;
        }
        if (lang == Lang.EN) {
            String from = core(old.nameEn());
            String to = core(now.nameEn());
            return from == null || to == null || from.equals(to) ? name : name.replace(from, to);
        }
        String from = old.nameVi();
        String to = now.nameVi();
        if (from == null || to == null || from.equals(to)) {
            return name;
        }
        return name.replace(from, to).replace(lowerFirst(from), lowerFirst(to));
    }

    private static String core(String nameEn) {
        return nameEn == null ? null : LEVEL_EN.matcher(nameEn).replaceFirst("");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.of("vi")) + s.substring(1);
    }

    /** The signer's capacity lines, from the kind of body its name says. */
    static List<String> signature(String body, Labels w) {
        String n = body == null ? "" : body.toLowerCase(Locale.of("vi"));
        if (n.startsWith("ủy ban nhân dân") || n.startsWith("uỷ ban nhân dân") || n.contains("people's committee")) {
            return List.of(w.t("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"), w.t("CHỦ TỊCH", "CHAIRPERSON"));
        }
        if (n.startsWith("sở ") || n.contains("department")) {
            return List.of(w.t("GIÁM ĐỐC", "DIRECTOR"));
        }
        if (n.startsWith("bộ ") || n.startsWith("ministry")) {
            return List.of(w.t("BỘ TRƯỞNG", "MINISTER"));
        }
        if (n.startsWith("phòng ")) {
            return List.of(w.t("TRƯỞNG PHÒNG", "HEAD OF OFFICE"));
        }
        if (n.startsWith("cục ") || n.contains("statistics office")) {
            return List.of(w.t("CỤC TRƯỞNG", "DIRECTOR GENERAL"));
        }
        return List.of(w.t("THỦ TRƯỞNG CƠ QUAN", "HEAD OF AGENCY"));
    }
}
