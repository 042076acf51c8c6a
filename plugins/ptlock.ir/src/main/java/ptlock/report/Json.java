package ptlock.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer (strings, numbers, booleans, null, lists and maps), so the core needs no JSON library. */
public final class Json {
	private Json() {
	}

	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(value, sb, "");
		return sb.toString();
	}

	private static void write(Object v, StringBuilder sb, String indent) {
		switch (v) {
		case null -> sb.append("null");
		case String s -> string(s, sb);
		case Number n -> sb.append(n);
		case Boolean b -> sb.append(b);
		case Map<?, ?> m -> {
			if (m.isEmpty()) {
				sb.append("{}");
				return;
			}
			sb.append("{\n");
			Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
			while (it.hasNext()) {
				Map.Entry<?, ?> e = it.next();
				sb.append(indent).append("  ");
				string(String.valueOf(e.getKey()), sb);
				sb.append(": ");
				write(e.getValue(), sb, indent + "  ");
				sb.append(it.hasNext() ? ",\n" : "\n");
			}
			sb.append(indent).append('}');
		}
		case List<?> l -> {
			if (l.isEmpty()) {
				sb.append("[]");
				return;
			}
			sb.append("[\n");
			for (int i = 0; i < l.size(); i++) {
				sb.append(indent).append("  ");
				write(l.get(i), sb, indent + "  ");
				sb.append(i + 1 < l.size() ? ",\n" : "\n");
			}
			sb.append(indent).append(']');
		}
		default -> string(v.toString(), sb);
		}
	}

	private static void string(String s, StringBuilder sb) {
		sb.append('"');
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			case '\n' -> sb.append("\\n");
			case '\r' -> sb.append("\\r");
			case '\t' -> sb.append("\\t");
			default -> {
				if (c < 0x20) {
					sb.append(String.format("\\u%04x", (int) c));
				} else {
					sb.append(c);
				}
			}
			}
		}
		sb.append('"');
	}
}
