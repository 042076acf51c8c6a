package ptlock.report.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A parsed JSON value and its JSON path. The typed accessors are the readers' only way in: each checks the type and
 * throws a {@link JsonDocumentException} that names the path and what is wrong, so no reader casts or guesses.
 */
public final class JsonValue {
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final JsonElement element;
	private final String path;

	private JsonValue(JsonElement element, String path) {
		this.element = element;
		this.path = path;
	}

	public static JsonValue root(JsonElement element) {
		return new JsonValue(element, "$");
	}

	/** The parsed value itself, for the readers in this package that take any JSON shape ({@link TlaJson}). */
	JsonElement element() {
		return element;
	}

	public String path() {
		return path;
	}

	public boolean isNull() {
		return element.isJsonNull();
	}

	public boolean isObject() {
		return element.isJsonObject();
	}

	/** Whether this is an object with a member of that name (null or not). */
	public boolean has(String name) {
		return element.isJsonObject() && element.getAsJsonObject().has(name);
	}

	/** A required member of this object (it may be null: the member's accessor decides). */
	public JsonValue field(String name) throws JsonDocumentException {
		JsonObject o = object("an object");
		JsonElement e = o.get(name);
		if (e == null) {
			throw new JsonDocumentException(0, 0, child(name), "missing");
		}
		return new JsonValue(e, child(name));
	}

	/** An optional member of this object, or null when absent. */
	public JsonValue optionalField(String name) throws JsonDocumentException {
		JsonObject o = object("an object");
		return o.has(name) ? new JsonValue(o.get(name), child(name)) : null;
	}

	/** The members of this object, in the file's order. */
	public Map<String, JsonValue> members() throws JsonDocumentException {
		Map<String, JsonValue> out = new LinkedHashMap<>();
		object("an object").entrySet().forEach(e -> out.put(e.getKey(), new JsonValue(e.getValue(), child(e.getKey()))));
		return out;
	}

	public List<JsonValue> elements() throws JsonDocumentException {
		if (!element.isJsonArray()) {
			throw expected("an array");
		}
		JsonArray a = element.getAsJsonArray();
		List<JsonValue> out = new ArrayList<>(a.size());
		for (int i = 0; i < a.size(); i++) {
			out.add(new JsonValue(a.get(i), path + "[" + i + "]"));
		}
		return out;
	}

	public String string() throws JsonDocumentException {
		if (!(element instanceof JsonPrimitive p) || !p.isString()) {
			throw expected("a string");
		}
		return p.getAsString();
	}

	public String stringOrNull() throws JsonDocumentException {
		if (element.isJsonNull()) {
			return null;
		}
		if (!(element instanceof JsonPrimitive p) || !p.isString()) {
			throw expected("a string or null");
		}
		return p.getAsString();
	}

	public boolean bool() throws JsonDocumentException {
		if (!(element instanceof JsonPrimitive p) || !p.isBoolean()) {
			throw expected("true or false");
		}
		return p.getAsBoolean();
	}

	/** An integer in [min, max]; huge numbers (1e999999999) are rejected without being expanded. */
	public int integer(int min, int max) throws JsonDocumentException {
		String range = "an integer from " + min + " to " + max;
		if (!(element instanceof JsonPrimitive p) || !p.isNumber()) {
			throw expected(range);
		}
		BigDecimal d = p.getAsBigDecimal();
		boolean integral = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
		// precision - scale is the count of digits before the point, known without expanding the number
		if (!integral || d.precision() - d.scale() > 10 || d.compareTo(BigDecimal.valueOf(min)) < 0
				|| d.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw expected(range);
		}
		return d.intValueExact();
	}

	/** What this value is, for messages: "null", "an array", "the number 3", ... */
	public String describe() {
		return describe(element);
	}

	/** An error located at this value. */
	public JsonDocumentException error(String problem) {
		return new JsonDocumentException(0, 0, path, problem);
	}

	private JsonObject object(String what) throws JsonDocumentException {
		if (!element.isJsonObject()) {
			throw expected(what);
		}
		return element.getAsJsonObject();
	}

	private JsonDocumentException expected(String what) {
		return error("expected " + what + ", got " + describe(element));
	}

	private String child(String name) {
		return NAME.matcher(name).matches() ? path + "." + name
				: path + "[\"" + printable(name.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"]";
	}

	/** Control characters as escapes: a message stays one line. */
	public static String printable(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		s.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return sb.toString();
	}

	/** A number's text, normalised when Gson can (it refuses exponents such as 1e999999999 unless it parsed them). */
	private static String number(JsonPrimitive p) {
		try {
			return p.getAsBigDecimal().toString();
		} catch (NumberFormatException e) {
			return p.getAsString();
		}
	}

	/** What a value is, for messages: its kind, and short values themselves. */
	static String describe(JsonElement e) {
		if (e.isJsonNull()) {
			return "null";
		}
		if (e.isJsonArray()) {
			return "an array";
		}
		if (e.isJsonObject()) {
			return "an object";
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		String text = p.isNumber() ? number(p) : p.getAsString();
		String shown = printable(text.length() > 40 ? text.substring(0, 37) + "..." : text);
		if (p.isString()) {
			return "the string \"" + shown + "\"";
		}
		return p.isNumber() ? "the number " + shown : shown;
	}
}
