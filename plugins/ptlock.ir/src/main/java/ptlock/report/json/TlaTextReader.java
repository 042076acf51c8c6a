package ptlock.report.json;

import java.util.HashSet;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads TLA+ value text as TLC prints it and the simulator renders it (integers, TRUE/FALSE, strings, tuples
 * {@code <<a, b>>}, sets {@code {1, 2}}, records {@code [f |-> a]}, any white space between tokens: TLC breaks long
 * values over lines) into its JSON form ({@link TlaJson}). Anything else is an IllegalArgumentException at a column.
 */
final class TlaTextReader {
	private final String s;
	private int i;

	private TlaTextReader(String s) {
		this.s = s;
	}

	static JsonElement read(String text) {
		TlaTextReader r = new TlaTextReader(text);
		JsonElement v = r.value(0);
		r.skip();
		if (r.i < text.length()) {
			throw r.error("text after the value");
		}
		return v;
	}

	private JsonElement value(int depth) {
		if (depth > TlaJson.MAX_DEPTH) {
			throw error("nested deeper than " + TlaJson.MAX_DEPTH + " levels");
		}
		skip();
		if (i >= s.length()) {
			throw error("expected a value, found the end");
		}
		char c = s.charAt(i);
		if (s.startsWith("<<", i)) {
			i += 2;
			return elements(">>", depth);
		} else if (c == '{') {
			i++;
			JsonObject set = new JsonObject();
			set.add(TlaJson.SET, elements("}", depth));
			return set;
		} else if (c == '[') {
			i++;
			return fields(depth);
		} else if (c == '"') {
			return new JsonPrimitive(string());
		} else if (c == '-' || Character.isDigit(c)) {
			return new JsonPrimitive(integer());
		} else if (isNameStart(c)) {
			int start = i;
			String name = name();
			if (name.equals("TRUE") || name.equals("FALSE")) {
				return new JsonPrimitive(name.equals("TRUE"));
			}
			i = start;
			throw error("the name " + name + " (ptlock's models have no model values)");
		}
		throw error("expected a value" + found());
	}

	private JsonArray elements(String close, int depth) {
		JsonArray out = new JsonArray();
		skip();
		if (s.startsWith(close, i)) {
			i += close.length();
			return out;
		}
		while (true) {
			out.add(value(depth + 1));
			skip();
			if (s.startsWith(close, i)) {
				i += close.length();
				return out;
			}
			expect(",", "',' or '" + close + "'");
		}
	}

	private JsonObject fields(int depth) {
		JsonObject out = new JsonObject();
		Set<String> seen = new HashSet<>();
		skip();
		if (peek(']')) {
			throw error("a record with no fields");
		}
		while (true) {
			skip();
			if (i >= s.length() || !isNameStart(s.charAt(i))) {
				throw error("expected a field name" + found());
			}
			int at = i;
			String name = name();
			if (!seen.add(name)) {
				i = at;
				throw error("the field " + name + " twice");
			}
			skip();
			expect("|->", "'|->'");
			out.add(name, value(depth + 1));
			skip();
			if (peek(']')) {
				i++;
				return out;
			}
			expect(",", "',' or ']'");
		}
	}

	/** The string's characters, its escapes (TLA+'s: \" \\ \n \t \r \f) undone. */
	private String string() {
		int start = i++;
		StringBuilder sb = new StringBuilder();
		while (i < s.length() && s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				int k = i >= s.length() ? -1 : TlaJson.ESCAPES.indexOf(s.charAt(i));
				if (k < 0) {
					i--;
					throw error("an escape TLA+ strings do not have" + found());
				}
				c = TlaJson.ESCAPED.charAt(k);
				i++;
			}
			sb.append(c);
		}
		if (i >= s.length()) {
			i = start;
			throw error("a string that does not end");
		}
		i++;
		return sb.toString();
	}

	private long integer() {
		int start = i;
		if (s.charAt(i) == '-') {
			i++;
		}
		int digits = i;
		while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
			i++;
		}
		if (i == digits) {
			throw error("expected a digit" + found());
		}
		try {
			return Long.parseLong(s.substring(start, i));
		} catch (NumberFormatException e) {
			i = start;
			throw error("an integer outside 64 bits");
		}
	}

	private String name() {
		int start = i;
		while (i < s.length() && (isNameStart(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
			i++;
		}
		return s.substring(start, i);
	}

	static boolean isNameStart(char c) {
		return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private boolean peek(char c) {
		return i < s.length() && s.charAt(i) == c;
	}

	private void expect(String token, String what) {
		if (!s.startsWith(token, i)) {
			throw error("expected " + what + found());
		}
		i += token.length();
	}

	private String found() {
		return i >= s.length() ? ", found the end" : ", found '" + JsonValue.printable(s.substring(i, i + 1)) + "'";
	}

	private void skip() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("not a TLA+ value: column " + (i + 1) + ": " + what);
	}
}
