package ptlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON that {@link Json} writes (objects, arrays, strings, numbers, booleans, null). */
public final class JsonReader {
	private final String s;
	private int i;

	private JsonReader(String s) {
		this.s = s;
	}

	/** @throws IllegalArgumentException with the offset, on malformed input */
	public static Object parse(String text) {
		JsonReader r = new JsonReader(text);
		Object v = r.value();
		r.ws();
		if (r.i != text.length()) {
			throw r.error("text after the value");
		}
		return v;
	}

	/** A parsed JSON object, or an empty map if the value is not one. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> asMap(Object o) {
		return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	/** A parsed JSON array, or an empty list if the value is not one. */
	@SuppressWarnings("unchecked")
	public static List<Object> asList(Object o) {
		return o instanceof List<?> l ? (List<Object>) l : List.of();
	}

	private Object value() {
		ws();
		if (i >= s.length()) {
			throw error("unexpected end");
		}
		char c = s.charAt(i);
		switch (c) {
		case '{': {
			i++;
			Map<String, Object> m = new LinkedHashMap<>();
			ws();
			if (peek('}')) {
				return m;
			}
			do {
				ws();
				String k = string();
				ws();
				expect(':');
				m.put(k, value());
				ws();
			} while (peek(','));
			expect('}');
			return m;
		}
		case '[': {
			i++;
			List<Object> l = new ArrayList<>();
			ws();
			if (peek(']')) {
				return l;
			}
			do {
				l.add(value());
				ws();
			} while (peek(','));
			expect(']');
			return l;
		}
		case '"':
			return string();
		default:
			if (s.startsWith("true", i)) {
				i += 4;
				return Boolean.TRUE;
			}
			if (s.startsWith("false", i)) {
				i += 5;
				return Boolean.FALSE;
			}
			if (s.startsWith("null", i)) {
				i += 4;
				return null;
			}
			int start = i;
			while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
			if (start == i) {
				throw error("unexpected '" + c + "'");
			}
			String num = s.substring(start, i);
			return num.contains(".") || num.contains("e") || num.contains("E") ? (Object) Double.parseDouble(num)
					: (Object) Long.parseLong(num);
		}
	}

	private String string() {
		expect('"');
		StringBuilder sb = new StringBuilder();
		while (i < s.length() && s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				char e = s.charAt(i++);
				switch (e) {
				case 'n' -> sb.append('\n');
				case 'r' -> sb.append('\r');
				case 't' -> sb.append('\t');
				case 'u' -> {
					sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
					i += 4;
				}
				default -> sb.append(e);
				}
			} else {
				sb.append(c);
			}
		}
		expect('"');
		return sb.toString();
	}

	private boolean peek(char c) {
		if (i < s.length() && s.charAt(i) == c) {
			i++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("expected '" + c + "'");
		}
	}

	private void ws() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("malformed JSON at offset " + i + ": " + what);
	}
}
