package ptlock.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises TLA+ value text as TLC prints it (record fields in its own order, line breaks in long values) so that
 * a TLC trace's states can be compared with the simulator's rendering.
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
			while (s.charAt(i) != ']') {
				int arrow = s.indexOf("|->", i);
				String name = s.substring(i, arrow).strip();
				i = arrow + 3;
				fields.add(name + " |-> " + value());
				skip();
				if (s.charAt(i) == ',') {
					i++;
					skip();
				}
			}
			i++;
			fields.sort(null);
			return "[" + String.join(", ", fields) + "]";
		}
		int start = i;
		if (s.charAt(i) == '"') {
			i = s.indexOf('"', i + 1) + 1;
			return s.substring(start, i);
		}
		while (i < s.length() && ",]}>".indexOf(s.charAt(i)) < 0) {
			i++;
		}
		return s.substring(start, i).strip();
	}

	private List<String> list(String close) {
		List<String> out = new ArrayList<>();
		skip();
		while (!s.startsWith(close, i)) {
			out.add(value());
			skip();
			if (s.charAt(i) == ',') {
				i++;
				skip();
			}
		}
		i += close.length();
		return out;
	}

	private void skip() {
		while (i < s.length() && s.charAt(i) == ' ') {
			i++;
		}
	}
}
