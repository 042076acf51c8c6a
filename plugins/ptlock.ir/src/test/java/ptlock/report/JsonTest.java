package ptlock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ptlock.report.json.JsonDocumentException;
import ptlock.report.json.JsonValue;

/** The Gson-backed writer keeps the format the hand-written one had; the parser gives located values. */
class JsonTest {
	@Test
	void writesNestedValuesAndEscapes() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("s", "a\"b\\c\nd");
		m.put("n", 3);
		m.put("b", true);
		m.put("z", null);
		m.put("l", List.of(1, "x"));
		m.put("e", Arrays.asList());
		m.put("o", Map.of());
		assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\nd\",\n  \"n\": 3,\n  \"b\": true,\n  \"z\": null,\n"
				+ "  \"l\": [\n    1,\n    \"x\"\n  ],\n  \"e\": [],\n  \"o\": {}\n}", Json.write(m));
	}

	@Test
	void controlCharactersAreEscaped() {
		assertEquals("\"\\u0001\"", Json.write("\u0001"));
	}

	@Test
	void tlaValuesStayReadable() {
		// no HTML escaping: a trace's "<<\"Live\">>" must not become \u003c\u003c
		assertEquals("\"<<\\\"Live\\\">> = [a |-> 1] & 'q'\"", Json.write("<<\"Live\">> = [a |-> 1] & 'q'"));
	}

	@Test
	void fieldsKeepTheirInsertionOrder() {
		Map<String, Object> m = new LinkedHashMap<>();
		for (String k : List.of("zeta", "alpha", "mid", "beta")) {
			m.put(k, k.length());
		}
		assertEquals("{\n  \"zeta\": 4,\n  \"alpha\": 5,\n  \"mid\": 3,\n  \"beta\": 4\n}", Json.write(m));
	}

	@Test
	void otherObjectsAreWrittenAsTheirText() {
		assertEquals("[\n  \"HOLDS\"\n]", Json.write(List.of(ptlock.ir.Verdict.HOLDS)));
	}

	@Test
	void parsedValuesCarryTheirPath() throws JsonDocumentException {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", "x");
		m.put("list", List.of(Map.of("n", 7), Map.of("flag", false)));
		m.put("none", null);
		m.put("odd key", "v");
		JsonValue v = Json.parse(Json.write(m));
		assertEquals("x", v.field("name").string());
		List<JsonValue> list = v.field("list").elements();
		assertEquals("$.list[0].n", list.get(0).field("n").path());
		assertEquals(7, list.get(0).field("n").integer(0, 10));
		assertEquals(false, list.get(1).field("flag").bool());
		assertNull(v.field("none").stringOrNull());
		assertNull(v.optionalField("absent"));
		assertEquals("$[\"odd key\"]", v.field("odd key").path());
		assertEquals(List.of("name", "list", "none", "odd key"), List.copyOf(v.members().keySet()));
	}

	@Test
	void documentsStartWithTheSchemaVersion() {
		assertTrue(Json.write(ResultJson.document(List.of(), List.of()))
				.startsWith("{\n  \"schemaVersion\": 2,\n  \"results\": [],\n  \"findings\": []"));
	}
}
