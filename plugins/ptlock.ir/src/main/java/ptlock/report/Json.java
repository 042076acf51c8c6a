package ptlock.report;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import ptlock.report.json.JsonDocumentException;
import ptlock.report.json.JsonValue;

/**
 * JSON through Gson: writes trees of maps, lists, strings, numbers, booleans and nulls pretty-printed in the maps'
 * order, and parses strict JSON into a {@link JsonValue} whose accessors report errors by JSON path.
 */
public final class Json {
	/** Deeper documents are rejected: ptlock's own are at most 8 levels deep. */
	public static final int MAX_DEPTH = 64;

	// immutable and thread-safe; nulls are written ("arch": null), '<' '>' '=' stay readable in TLA+ values
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
			.create();
	private static final Pattern GSON_LOCATION = Pattern.compile("(.*) at line (\\d+) column (\\d+) path (\\S*)");

	private Json() {
	}

	public static String write(Object value) {
		return GSON.toJson(tree(value));
	}

	/** Our trees are built explicitly (no reflection): anything else is written as its string. */
	private static JsonElement tree(Object v) {
		return switch (v) {
		case null -> JsonNull.INSTANCE;
		case JsonElement e -> e;
		case String s -> new JsonPrimitive(s);
		case Number n -> new JsonPrimitive(n);
		case Boolean b -> new JsonPrimitive(b);
		case Map<?, ?> m -> {
			JsonObject o = new JsonObject();
			m.forEach((k, x) -> o.add(String.valueOf(k), tree(x)));
			yield o;
		}
		case Collection<?> c -> {
			JsonArray a = new JsonArray();
			c.forEach(x -> a.add(tree(x)));
			yield a;
		}
		default -> new JsonPrimitive(v.toString());
		};
	}

	/** Reads a file as strict JSON; a file that cannot be read at all is an IOException, as for any input. */
	public static JsonValue parse(Path file) throws IOException, JsonDocumentException {
		String text;
		try {
			text = Files.readString(file);
		} catch (CharacterCodingException e) {
			throw new JsonDocumentException(0, 0, null, "not UTF-8 text");
		}
		return parse(text);
	}

	/**
	 * Parses strict JSON (RFC 8259: no comments, NaN, single quotes or trailing commas), at most {@link #MAX_DEPTH}
	 * levels deep, with no name twice in one object and nothing after the value.
	 */
	public static JsonValue parse(String text) throws JsonDocumentException {
		JsonReader r = new JsonReader(new StringReader(text));
		r.setStrictness(Strictness.STRICT);
		r.setNestingLimit(MAX_DEPTH);
		JsonElement root;
		try {
			root = read(r);
		} catch (IOException | IllegalStateException | NumberFormatException e) {
			throw syntaxError(e, r, null);
		}
		try {
			if (r.peek() != JsonToken.END_DOCUMENT) {
				throw new JsonDocumentException(0, 0, "$", "text after the JSON value");
			}
		} catch (IOException | IllegalStateException e) {
			throw syntaxError(e, r, "text after the JSON value");
		}
		return JsonValue.root(root);
	}

	// recursion is bounded by the reader's nesting limit
	private static JsonElement read(JsonReader r) throws IOException, JsonDocumentException {
		JsonToken t = r.peek();
		switch (t) {
		case BEGIN_OBJECT: {
			JsonObject o = new JsonObject();
			r.beginObject();
			while (r.hasNext()) {
				String name = r.nextName();
				if (o.has(name)) {
					throw new JsonDocumentException(0, 0, r.getPath(),
							"the name \"" + JsonValue.printable(name) + "\" twice in one object");
				}
				o.add(name, read(r));
			}
			r.endObject();
			return o;
		}
		case BEGIN_ARRAY: {
			JsonArray a = new JsonArray();
			r.beginArray();
			while (r.hasNext()) {
				a.add(read(r));
			}
			r.endArray();
			return a;
		}
		case STRING:
			return new JsonPrimitive(r.nextString());
		case NUMBER:
			// exact, and not expanded: 1e999999999 stays small until a reader asks for an int
			return new JsonPrimitive(new BigDecimal(r.nextString()));
		case BOOLEAN:
			return new JsonPrimitive(r.nextBoolean());
		case NULL:
			r.nextNull();
			return JsonNull.INSTANCE;
		default:
			throw new IllegalStateException("expected a value, found " + t);
		}
	}

	/** Gson's "... at line L column C path P" as line, column, JSON path and a plain reason. */
	private static JsonDocumentException syntaxError(Exception e, JsonReader r, String problem) {
		String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
		Matcher m = GSON_LOCATION.matcher(first);
		if (!m.matches()) {
			return new JsonDocumentException(0, 0, r.getPath(), problem != null ? problem : "malformed JSON: " + first);
		}
		int line = Integer.parseInt(m.group(2));
		int column = Integer.parseInt(m.group(3));
		// Gson ends the path with '.' while it expects a member's name
		String path = m.group(4).endsWith(".") ? m.group(4).substring(0, m.group(4).length() - 1) : m.group(4);
		return new JsonDocumentException(line, column, path, problem != null ? problem : reason(m.group(1)));
	}

	private static String reason(String gson) {
		if (gson.startsWith("Use JsonReader.setStrictness")) {
			return "not strict JSON (text after the value, a comment, an unquoted or single-quoted string, NaN, a"
					+ " leading zero or a trailing comma)";
		}
		if (gson.startsWith("Nesting limit")) {
			return "nested deeper than " + MAX_DEPTH + " levels";
		}
		if (gson.startsWith("End of input")) {
			return "unexpected end of the file";
		}
		return gson.isEmpty() ? "malformed JSON" : Character.toLowerCase(gson.charAt(0)) + gson.substring(1);
	}
}
