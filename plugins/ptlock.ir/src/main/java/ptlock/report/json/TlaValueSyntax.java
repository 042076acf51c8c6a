package ptlock.report.json;

/**
 * Checks that a state value in a saved trace is TLA+ value text as TLC prints it and the simulator renders it:
 * integers, TRUE/FALSE and other names, strings, tuples {@code <<a, b>>}, sets {@code {a, b}} and records
 * {@code [f |-> a, g |-> b]}, with any white space between tokens. A replay compares such text value by value, so a
 * value that is not one must be an error at a column, before it reaches the comparison.
 */
public final class TlaValueSyntax {
	/** Far deeper than any state ptlock writes (arrays of records of arrays): bounds the recursion. */
	static final int MAX_DEPTH = 64;

	private final String s;
	private int i;

	private TlaValueSyntax(String s) {
		this.s = s;
	}

	/** Null if the text is one well-formed value, else what is wrong and at which column (from 1). */
	public static String problem(String text) {
		TlaValueSyntax p = new TlaValueSyntax(text);
		try {
			p.value(0);
			p.skip();
			if (p.i < text.length()) {
				throw p.error("text after the value");
			}
			return null;
		} catch (Malformed e) {
			return e.getMessage();
		}
	}

	private void value(int depth) throws Malformed {
		if (depth > MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH + " levels");
		}
		skip();
		if (i >= s.length()) {
			throw error("expected a value, found the end");
		}
		if (s.startsWith("<<", i)) {
			i += 2;
			elements(">>", depth);
		} else if (s.charAt(i) == '{') {
			i++;
			elements("}", depth);
		} else if (s.charAt(i) == '[') {
			i++;
			fields(depth);
		} else if (s.charAt(i) == '"') {
			string();
		} else if (s.charAt(i) == '-' || Character.isDigit(s.charAt(i))) {
			integer();
		} else if (isNameStart(s.charAt(i))) {
			name();
		} else {
			throw error("expected a value" + found());
		}
	}

	private void elements(String close, int depth) throws Malformed {
		skip();
		if (s.startsWith(close, i)) {
			i += close.length();
			return;
		}
		while (true) {
			value(depth + 1);
			skip();
			if (s.startsWith(close, i)) {
				i += close.length();
				return;
			}
			expect(",", "',' or '" + close + "'");
		}
	}

	private void fields(int depth) throws Malformed {
		skip();
		if (peek(']')) {
			i++;
			return;
		}
		while (true) {
			skip();
			if (i >= s.length() || !isNameStart(s.charAt(i))) {
				throw error("expected a field name" + found());
			}
			name();
			skip();
			expect("|->", "'|->'");
			value(depth + 1);
			skip();
			if (peek(']')) {
				i++;
				return;
			}
			expect(",", "',' or ']'");
		}
	}

	private void string() throws Malformed {
		int start = i++;
		while (i < s.length() && s.charAt(i) != '"') {
			i += s.charAt(i) == '\\' ? 2 : 1;
		}
		if (i >= s.length()) {
			i = start;
			throw error("a string that does not end");
		}
		i++;
	}

	private void integer() throws Malformed {
		if (s.charAt(i) == '-') {
			i++;
		}
		int digits = i;
		while (i < s.length() && Character.isDigit(s.charAt(i))) {
			i++;
		}
		if (i == digits) {
			throw error("expected a digit" + found());
		}
	}

	private void name() {
		while (i < s.length() && (isNameStart(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
			i++;
		}
	}

	private static boolean isNameStart(char c) {
		return c == '_' || (c < 128 && Character.isLetter(c));
	}

	private boolean peek(char c) {
		return i < s.length() && s.charAt(i) == c;
	}

	private void expect(String token, String what) throws Malformed {
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

	private Malformed error(String what) {
		return new Malformed("column " + (i + 1) + ": " + what);
	}

	/** Internal to the parse; callers get the message. */
	private static final class Malformed extends Exception {
		private static final long serialVersionUID = 1L;

		Malformed(String message) {
			super(message, null, false, false);
		}
	}
}
