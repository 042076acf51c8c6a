package ptlock.report.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * A state value as JSON and back (docs/JSON.md): an integer is a number, TRUE/FALSE are true/false, a string is a
 * string, a tuple {@code <<a, b>>} is an array, a record {@code [f |-> a]} an object, a set {@code {1, 2}} the object
 * {@code {"$set": [1, 2]}} (no TLA+ field name starts with '$'). {@link #toTla} writes the text both engines print
 * ("<<2, 0>>"), so the text read by {@link #toJson} comes back as it was, up to the white space of TLC's line breaks.
 */
public final class TlaJson {
	/** Far deeper than any state ptlock writes (arrays of records of arrays): bounds the recursion. */
	static final int MAX_DEPTH = 64;
	static final String SET = "$set";
	/** The key of a set's JSON object. */
	public static final String SET_KEY = SET;
	/** TLA+ string escapes: the character after the backslash, and the one it stands for. */
	static final String ESCAPES = "\"\\ntrf";
	static final String ESCAPED = "\"\\\n\t\r\f";

	private static final String WHAT = "a TLA+ value (an integer, true or false, a string, an array, a record object"
			+ " or {\"" + SET + "\": [...]})";

	private TlaJson() {
	}

	/** The JSON form of value text; text that is no value is an IllegalArgumentException with the column. */
	public static JsonElement toJson(String tlaText) {
		return TlaTextReader.read(tlaText);
	}

	/** The TLA+ text of a JSON value read at "$". */
	public static String toTla(JsonElement json) throws JsonDocumentException {
		return toTla(JsonValue.root(json));
	}

	/** The TLA+ text of a JSON value; a value of no TLA+ shape is an error at its JSON path. */
	public static String toTla(JsonValue json) throws JsonDocumentException {
		StringBuilder sb = new StringBuilder();
		write(json, 0, sb);
		return sb.toString();
	}

	private static void write(JsonValue v, int depth, StringBuilder sb) throws JsonDocumentException {
		if (depth > MAX_DEPTH) {
			throw v.error("nested deeper than " + MAX_DEPTH + " levels");
		}
		JsonElement e = v.element();
		if (e.isJsonArray()) {
			sb.append("<<");
			join(v.elements(), depth, sb);
			sb.append(">>");
		} else if (e.isJsonObject()) {
			object(v, depth, sb);
		} else if (e instanceof JsonPrimitive p && p.isBoolean()) {
			sb.append(p.getAsBoolean() ? "TRUE" : "FALSE");
		} else if (e instanceof JsonPrimitive p && p.isNumber()) {
			sb.append(integer(v, p));
		} else if (e instanceof JsonPrimitive p && p.isString()) {
			string(p.getAsString(), sb);
		} else {
			throw v.error("expected " + WHAT + ", got " + v.describe());
		}
	}

	private static void join(List<JsonValue> elements, int depth, StringBuilder sb) throws JsonDocumentException {
		for (int k = 0; k < elements.size(); k++) {
			sb.append(k == 0 ? "" : ", ");
			write(elements.get(k), depth + 1, sb);
		}
	}

	private static void object(JsonValue v, int depth, StringBuilder sb) throws JsonDocumentException {
		Map<String, JsonValue> members = v.members();
		if (members.containsKey(SET)) {
			if (members.size() > 1) {
				throw v.error("a set is {\"" + SET + "\": [...]} with no other member");
			}
			set(members.get(SET), depth, sb);
			return;
		}
		if (members.isEmpty()) {
			throw v.error("an empty object (a record has fields; the empty set is {\"" + SET + "\": []})");
		}
		sb.append('[');
		String sep = "";
		for (Map.Entry<String, JsonValue> m : members.entrySet()) {
			if (!isName(m.getKey())) {
				throw m.getValue().error("not a record field: a field is a TLA+ name (a set is {\"" + SET
						+ "\": [...]})");
			}
			sb.append(sep).append(m.getKey()).append(" |-> ");
			write(m.getValue(), depth + 1, sb);
			sep = ", ";
		}
		sb.append(']');
	}

	/** Elements in TLC's order: integers ascending; none twice (TLC prints a set so, and a replay compares text). */
	private static void set(JsonValue elements, int depth, StringBuilder sb) throws JsonDocumentException {
		List<JsonValue> list = elements.elements();
		List<String> texts = new ArrayList<>(list.size());
		for (JsonValue x : list) {
			texts.add(toText(x, depth + 1));
		}
		boolean integers = list.stream().allMatch(x -> x.element().isJsonPrimitive()
				&& x.element().getAsJsonPrimitive().isNumber());
		HashSet<String> seen = new HashSet<>();
		for (int k = 0; k < list.size(); k++) {
			if (!seen.add(texts.get(k))) {
				throw list.get(k).error("the element " + JsonValue.printable(texts.get(k)) + " twice in a set");
			}
			if (integers && k > 0 && Long.parseLong(texts.get(k)) < Long.parseLong(texts.get(k - 1))) {
				throw list.get(k).error("a set's integers are in ascending order, as TLC prints them: "
						+ texts.get(k) + " after " + texts.get(k - 1));
			}
		}
		sb.append('{').append(String.join(", ", texts)).append('}');
	}

	private static String toText(JsonValue v, int depth) throws JsonDocumentException {
		StringBuilder sb = new StringBuilder();
		write(v, depth, sb);
		return sb.toString();
	}

	/** An integral number in 64 bits; huge ones (1e999999999) are rejected without being expanded. */
	private static String integer(JsonValue v, JsonPrimitive p) throws JsonDocumentException {
		BigDecimal d;
		try {
			d = p.getAsBigDecimal();
		} catch (NumberFormatException e) {
			throw v.error("an integer outside 64 bits: " + v.describe());
		}
		boolean integral = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
		if (!integral) {
			throw v.error("expected an integer (TLA+ values here have no fractions), got " + v.describe());
		}
		// precision - scale is the count of digits before the point, known without expanding the number
		if (d.signum() != 0 && d.precision() - d.scale() > 19) {
			throw v.error("an integer outside 64 bits: " + v.describe());
		}
		try {
			return Long.toString(d.longValueExact());
		} catch (ArithmeticException e) {
			throw v.error("an integer outside 64 bits: " + v.describe());
		}
	}

	private static void string(String s, StringBuilder sb) {
		sb.append('"');
		for (char c : s.toCharArray()) {
			int k = ESCAPED.indexOf(c);
			sb.append(k < 0 ? String.valueOf(c) : "\\" + ESCAPES.charAt(k));
		}
		sb.append('"');
	}

	private static boolean isName(String key) {
		if (key.isEmpty() || !TlaTextReader.isNameStart(key.charAt(0))) {
			return false;
		}
		return key.chars().allMatch(c -> TlaTextReader.isNameStart((char) c) || (c >= '0' && c <= '9'));
	}
}
