package ptlock.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import ptlock.report.Json;

/**
 * State values as JSON: every shape the engines print round-trips to the same text, and JSON that is no TLA+ value
 * is an error at its path, never a crash or a deep recursion.
 */
class TlaJsonTest {

	/** text -> JSON (as written) -> text again, which must be the text itself. */
	private static void roundTrip(String text, String json) throws JsonDocumentException {
		JsonElement j = TlaJson.toJson(text);
		assertEquals(json, j.toString(), text);
		assertEquals(text, TlaJson.toTla(j), json);
		// and through a file, as 'check --json' writes it and 'replay' reads it
		assertEquals(text, TlaJson.toTla(Json.parse(Json.write(j))));
	}

	@Test
	void everyShapeRoundTrips() throws JsonDocumentException {
		roundTrip("0", "0");
		roundTrip("3", "3");
		roundTrip("-1", "-1");
		roundTrip("2147483647", "2147483647");
		roundTrip("TRUE", "true");
		roundTrip("FALSE", "false");
		roundTrip("\"Live\"", "\"Live\"");
		roundTrip("\"s12\"", "\"s12\"");
		roundTrip("<<2, 0>>", "[2,0]");
		roundTrip("<<>>", "[]");
		roundTrip("{1, 3}", "{\"$set\":[1,3]}");
		roundTrip("{}", "{\"$set\":[]}");
		roundTrip("[pte |-> 0, table |-> 1]", "{\"pte\":0,\"table\":1}");
	}

	@Test
	void nestedValuesRoundTrip() throws JsonDocumentException {
		roundTrip("<<\"Live\", \"Detached\">>", "[\"Live\",\"Detached\"]");
		roundTrip("<<<<1, 2>>, <<>>, <<-3>>>>", "[[1,2],[],[-3]]");
		roundTrip("<<[kind |-> \"PteZero\", page |-> 0, cpus |-> {0, 2}],"
				+ " [kind |-> \"Live\", page |-> -1, cpus |-> {}]>>",
				"[{\"kind\":\"PteZero\",\"page\":0,\"cpus\":{\"$set\":[0,2]}},"
						+ "{\"kind\":\"Live\",\"page\":-1,\"cpus\":{\"$set\":[]}}]");
		roundTrip("[ptr |-> [table |-> 1, gen |-> 0], flags |-> <<TRUE, FALSE>>]",
				"{\"ptr\":{\"table\":1,\"gen\":0},\"flags\":[true,false]}");
		roundTrip("{<<1>>, <<2>>}", "{\"$set\":[[1],[2]]}");
	}

	@Test
	void recordFieldsKeepTheirOrder() throws JsonDocumentException {
		// TLC prints fields in its own order, the simulator in the declaration's: each comes back as it was
		roundTrip("[table |-> 1, pte |-> 0]", "{\"table\":1,\"pte\":0}");
	}

	@Test
	void stringEscapesRoundTrip() throws JsonDocumentException {
		roundTrip("\"a\\\"b\\\\c\\nd\\te\"", "\"a\\\"b\\\\c\\nd\\te\"");
		assertEquals("a\"b", TlaJson.toJson("\"a\\\"b\"").getAsString());
	}

	@Test
	void tlcsLineBrokenValuesComeBackOnOneLine() throws JsonDocumentException {
		// TraceParser joins TLC's continuation lines with a space; the value is the same, its text the canonical one
		String tlc = "<< [kind |-> \"Live\", page |-> 0],   [kind |-> \"Free\", page |-> 1] >>";
		assertEquals("<<[kind |-> \"Live\", page |-> 0], [kind |-> \"Free\", page |-> 1]>>",
				TlaJson.toTla(TlaJson.toJson(tlc)));
		assertEquals("[a |-> {1, 2}]", TlaJson.toTla(TlaJson.toJson("[ a |->\n {1,2} ]")));
	}

	@Test
	void randomValuesRoundTrip() throws JsonDocumentException {
		Random rnd = new Random(20240611);
		for (int k = 0; k < 2000; k++) {
			String text = value(rnd, 0);
			assertEquals(text, TlaJson.toTla(Json.parse(Json.write(TlaJson.toJson(text)))));
		}
	}

	/** A canonical value text, as the engines print one. */
	private static String value(Random rnd, int depth) {
		int kind = depth > 3 ? rnd.nextInt(3) : rnd.nextInt(6);
		switch (kind) {
		case 0:
			return Integer.toString(rnd.nextInt(21) - 5);
		case 1:
			return rnd.nextBoolean() ? "TRUE" : "FALSE";
		case 2:
			return "\"" + List.of("Live", "Detached", "Free", "Done", "s3").get(rnd.nextInt(5)) + "\"";
		case 3: {
			TreeSet<Integer> set = new TreeSet<>();
			for (int i = rnd.nextInt(4); i > 0; i--) {
				set.add(rnd.nextInt(8));
			}
			return "{" + String.join(", ", set.stream().map(String::valueOf).toList()) + "}";
		}
		case 4: {
			List<String> elems = new ArrayList<>();
			for (int i = rnd.nextInt(4); i > 0; i--) {
				elems.add(value(rnd, depth + 1));
			}
			return "<<" + String.join(", ", elems) + ">>";
		}
		default: {
			List<String> fields = new ArrayList<>();
			for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
				fields.add("f" + i + " |-> " + value(rnd, depth + 1));
			}
			return "[" + String.join(", ", fields) + "]";
		}
		}
	}

	private static String textError(String text) {
		return assertThrows(IllegalArgumentException.class, () -> TlaJson.toJson(text), text).getMessage();
	}

	private static String jsonError(String json) {
		return assertThrows(JsonDocumentException.class, () -> TlaJson.toTla(JsonParser.parseString(json)), json)
				.getMessage();
	}

	@Test
	void textThatIsNoValueIsAnErrorAtAColumn() {
		assertEquals("not a TLA+ value: column 3: expected a value, found ']'", textError("<<]>>"));
		assertEquals("not a TLA+ value: column 7: expected ',' or '>>', found the end", textError("<<1, 2"));
		assertEquals("not a TLA+ value: column 1: expected a value, found the end", textError(""));
		assertEquals("not a TLA+ value: column 3: text after the value", textError("0 1"));
		assertEquals("not a TLA+ value: column 7: expected '|->', found '='", textError("[kind = 1]"));
		assertEquals("not a TLA+ value: column 2: a record with no fields", textError("[]"));
		assertEquals("not a TLA+ value: column 11: the field a twice", textError("[a |-> 1, a |-> 2]"));
		assertEquals("not a TLA+ value: column 5: the name m1 (ptlock's models have no model values)",
				textError("{1, m1}"));
		assertEquals("not a TLA+ value: column 3: an escape TLA+ strings do not have, found '\\'",
				textError("\"a\\q\""));
		assertEquals("not a TLA+ value: column 1: a string that does not end", textError("\"Live"));
		assertEquals("not a TLA+ value: column 1: an integer outside 64 bits", textError("99999999999999999999"));
		assertEquals("not a TLA+ value: column 131: nested deeper than 64 levels", textError("<<".repeat(5000)));
	}

	@Test
	void jsonThatIsNoValueIsAnErrorAtItsPath() {
		assertEquals("<json>: $[1]: expected a TLA+ value (an integer, true or false, a string, an array, a record"
				+ " object or {\"$set\": [...]}), got null", jsonError("[true, null]"));
		assertEquals("<json>: $.a: expected an integer (TLA+ values here have no fractions), got the number 1.5",
				jsonError("{\"a\": 1.5}"));
		assertEquals("<json>: $: an integer outside 64 bits: the number 1e999999999", jsonError("1e999999999"));
		assertEquals("<json>: $: an integer outside 64 bits: the number 1E+999999999",
				assertThrows(JsonDocumentException.class, () -> TlaJson.toTla(Json.parse("1e999999999"))).getMessage());
		assertEquals("<json>: $: an integer outside 64 bits: the number 9223372036854775808",
				jsonError("9223372036854775808"));
		assertEquals("<json>: $[\"$set\"][2]: the element 1 twice in a set", jsonError("{\"$set\": [0, 1, 1]}"));
		assertEquals("<json>: $[\"$set\"][1]: a set's integers are in ascending order, as TLC prints them: 0 after 3",
				jsonError("{\"$set\": [3, 0]}"));
		assertEquals("<json>: $[\"$set\"][1]: the element <<1>> twice in a set", jsonError("{\"$set\": [[1], [1]]}"));
		assertEquals("<json>: $[\"$set\"]: expected an array, got an object", jsonError("{\"$set\": {}}"));
		assertEquals("<json>: $: a set is {\"$set\": [...]} with no other member",
				jsonError("{\"$set\": [], \"a\": 1}"));
		assertEquals("<json>: $: an empty object (a record has fields; the empty set is {\"$set\": []})",
				jsonError("{}"));
		assertEquals("<json>: $[\"1a\"]: not a record field: a field is a TLA+ name (a set is {\"$set\": [...]})",
				jsonError("{\"1a\": 0}"));
		assertEquals("<json>: $[\"a b\"]: not a record field: a field is a TLA+ name (a set is {\"$set\": [...]})",
				jsonError("{\"a b\": 0}"));
		assertEquals("<json>: $.r[\"$sets\"]: not a record field: a field is a TLA+ name (a set is {\"$set\": [...]})",
				jsonError("{\"r\": {\"$sets\": [1]}}"));
	}

	@Test
	void deepJsonIsBoundedNotARecursionToTheEnd() {
		// built in memory (the file reader stops at 64 levels already): TlaJson bounds its own recursion
		JsonArray deep = new JsonArray();
		JsonArray inner = deep;
		for (int k = 0; k < 100_000; k++) {
			JsonArray next = new JsonArray();
			inner.add(next);
			inner = next;
		}
		JsonDocumentException e = assertThrows(JsonDocumentException.class, () -> TlaJson.toTla(deep));
		assertEquals("<json>: $" + "[0]".repeat(65) + ": nested deeper than 64 levels", e.getMessage());
	}
}
