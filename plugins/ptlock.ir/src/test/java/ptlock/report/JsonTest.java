package ptlock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
		assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\nd\",\n  \"n\": 3,\n  \"b\": true,\n  \"z\": null,\n"
				+ "  \"l\": [\n    1,\n    \"x\"\n  ],\n  \"e\": []\n}", Json.write(m));
	}

	@Test
	void controlCharactersAreEscaped() {
		assertEquals("\"\\u0001\"", Json.write("\u0001"));
	}
}
