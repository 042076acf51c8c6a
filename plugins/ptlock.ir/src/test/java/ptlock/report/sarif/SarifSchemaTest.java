package ptlock.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;

/** The shipped schema is the SARIF 2.1.0 one, and validating against it does reject what is not SARIF. */
class SarifSchemaTest {
	private final SarifSchema schema = new SarifSchema();

	private static String log() {
		Program p = Races.program(Map.of("safe", Verdict.HOLDS));
		return new SarifWriter("0.1.0", null).write(
				List.of(Races.check(p, "sim", new PropertyResult("safe", Verdict.VIOLATED, Verdict.HOLDS, Races.race(),
						null))),
				List.of(), List.of());
	}

	@Test
	void aWrittenLogIsValid() {
		assertEquals(List.of(), schema.errors(log()));
	}

	@Test
	void theShippedSchemaIsSarif210() {
		JsonObject s = JsonParser.parseString(SarifSchema.text()).getAsJsonObject();
		assertEquals("http://json-schema.org/draft-07/schema#", s.get("$schema").getAsString());
		assertEquals(SarifWriter.SCHEMA, s.get("$id").getAsString());
		assertEquals("2.1.0", s.getAsJsonObject("properties").getAsJsonObject("version").getAsJsonArray("enum").get(0)
				.getAsString());
		assertTrue(s.getAsJsonObject("definitions").has("threadFlowLocation"));
	}

	@Test
	void aBadLevelIsRejected() {
		String log = log();
		assertTrue(log.contains("\"level\": \"error\""));
		assertFalse(schema.errors(log.replace("\"level\": \"error\"", "\"level\": \"fatal\"")).isEmpty());
	}

	@Test
	void otherMistakesAreRejected() {
		String log = log();
		assertFalse(schema.errors(log.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")).isEmpty());
		assertFalse(schema.errors(log.replace("\"startLine\": 31", "\"startLine\": 0")).isEmpty(),
				"lines are 1-based");
		assertFalse(schema.errors(log.replace("\"executionOrder\": 1", "\"executionOrder\": \"1\"")).isEmpty());
		assertFalse(schema.errors(log.replace("\"threadFlows\": [", "\"threads\": [")).isEmpty(),
				"no unknown properties");
		assertFalse(schema.errors(log.replace("\"x\": {\n", "\"x\": {\"value\": 1,\n")).isEmpty(),
				"state values are multiformat message strings");
		assertFalse(schema.errors("{\"version\": \"2.1.0\"}").isEmpty(), "runs are required");
		String named = log().replace("\"name\": \"ptlock\",", "\"name\": \"ptlock\", \"informationUri\": \"https://example.org/\",");
		assertEquals(List.of(), schema.errors(named));
		assertFalse(schema.errors(named.replace("https://example.org/", "docs/LANGUAGE.md")).isEmpty(),
				"informationUri is an absolute URI (format assertions are on)");
	}
}
