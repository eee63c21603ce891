package vn.gems.common.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check catches what a provider's rename or retype would break on the caller's side (records read as the
 * services read them: unknown fields refused unless the record ignores them, as every contracts record does).
 */
class ContractCheckTest {

    enum Kind { A, B }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String code, BigDecimal value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Doc(String name, Kind kind, List<Line> lines) {
    }

    static final String OPENAPI = """
            {"components":{"schemas":{
              "Doc":{"type":"object","properties":{"name":{"type":"string"},"kind":{"$ref":"#/components/schemas/Kind"},
                     "lines":{"type":"array","items":{"$ref":"#/components/schemas/Line"}},"extra":{"type":"string"}},
                     "examples":[{"name":"n","kind":"A","lines":[{"code":"X","value":1.5}],"extra":"e"}]},
              "Kind":{"type":"string","enum":["A","B"]},
              "Line":{"type":"object","properties":{"code":{"type":"string"},"value":{"type":"number"}}},
              "Renamed":{"type":"object","properties":{"title":{"type":"string"},"kind":{"type":"string","enum":["A","B","C"]},
                     "lines":{"type":"array","items":{"type":"object","properties":{"code":{"type":"integer"},"value":{"type":"number"}}}}}}
            }}}""";

    @Test
    void aProviderAnswerWithExtraFieldsReadsAndTheSameValuesComeBack() {
        Doc d = ContractCheck.assertReads("{\"name\":\"n\",\"kind\":\"B\",\"lines\":[{\"code\":\"X\",\"value\":2.50}],\"more\":1}", Doc.class);
        assertEquals(new BigDecimal("2.50"), d.lines().get(0).value());
        assertEquals(1, ContractCheck.assertExamplesRead(json(), "Doc", Doc.class));
        ContractCheck.assertDeclared(json(), "Doc", Doc.class);
    }

    @Test
    void aValueTheRecordCannotCarryFails() {
        assertThrows(AssertionFailedError.class, () -> ContractCheck.assertReads("{\"name\":\"n\",\"kind\":\"C\"}", Doc.class));
        assertThrows(AssertionFailedError.class, () -> ContractCheck.assertReads("{\"name\":{\"vi\":\"n\"}}", Doc.class));
    }

    @Test
    void aRenamedRetypedOrWidenedFieldIsNamed() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ContractCheck.assertDeclared(json(), "Renamed", Doc.class));
        assertTrue(e.getMessage().contains("Renamed.name is not declared"), e.getMessage());
        assertTrue(e.getMessage().contains("Renamed.kind may be C"), e.getMessage());
        assertTrue(e.getMessage().contains("Renamed.lines[].code is declared integer"), e.getMessage());
    }

    private static JsonNode json() {
        try {
            return new ObjectMapper().readTree(OPENAPI);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
