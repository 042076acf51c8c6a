package ptlock.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises TLA+ value text as TLC prints it (record fields in its own order, line breaks in long values) so that
 * a TLC trace's states can be compared with the simulator's rendering. Text that is not a value is an
 * IllegalArgumentException with the column, never a loop (a saved trace can hold anything).
 */
public final class ValueText {
	private final String s;
	private int i;

	private ValueText(String s) {
		this.s = s;
	}

	public static String normalize(String text) {
		ValueText p = new ValueText(text.replaceAll("\\s+", " ").strip());
		return p.value();
	}

	private String value() {
		skip();
		if (i >= s.length()) {
			throw malformed("expected a value");
		}
		if (s.startsWith("<<", i)) {
			i += 2;
			List<String> elems = list(">>");
			return "<<" + String.join(", ", elems) + ">>";
		}
		if (s.charAt(i) == '{') {
			i++;
			List<String> elems = list("}");
			return "{" + String.join(", ", elems) + "}";
		}
		if (s.charAt(i) == '[') {
			i++;
			List<String> fields = new ArrayList<>();
			skip();
			while (!at(']')) {
				int arrow = s.indexOf("|->", i);
				if (arrow < 0) {
					throw malformed("expected '|->'");
				}
				String name = s.substring(i, arrow).strip();
				i = arrow + 3;
				fields.add(name + " |-> " + value());
				separator(']');
			}
			i++;
			fields.sort(null);
			return "[" + String.join(", ", fields) + "]";
		}
		int start = i;
		if (s.charAt(i) == '"') {
			for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
				i += s.charAt(i) == '\\' ? 1 : 0;
			}
			if (i >= s.length()) {
				i = start;
				throw malformed("a string that does not end");
			}
			i++;
			return s.substring(start, i);
		}
		while (i < s.length() && ",]}>".indexOf(s.charAt(i)) < 0) {
			i++;
		}
		if (i == start) {
			throw malformed("expected a value");
		}
		return s.substring(start, i).strip();
	}

	private List<String> list(String close) {
		List<String> out = new ArrayList<>();
		skip();
		while (!s.startsWith(close, i)) {
			out.add(value());
			separator(close.charAt(0));
		}
		i += close.length();
		return out;
	}

	/**
	 * After an element: a comma, or the closing bracket (left for the caller), or an error; so that each turn of a
	 * loop consumes text ("<<]>>" looped here, adding empty elements until out of memory).
	 */
	private void separator(char close) {
		skip();
		if (i < s.length() && s.charAt(i) == ',') {
			i++;
			skip();
		} else if (i >= s.length() || s.charAt(i) != close) {
			throw malformed("expected ',' or '" + (close == '>' ? ">>" : String.valueOf(close)) + "'");
		}
	}

	private boolean at(char c) {
		if (i >= s.length()) {
			throw malformed("expected '" + c + "'");
		}
		return s.charAt(i) == c;
	}

	private IllegalArgumentException malformed(String what) {
		return new IllegalArgumentException("not a TLA+ value at column " + (i + 1) + ": " + what + " ("
				+ (s.length() > 60 ? s.substring(0, 57) + "..." : s) + ")");
	}

	private void skip() {
		while (i < s.length() && s.charAt(i) == ' ') {
			i++;
		}
	}
}
