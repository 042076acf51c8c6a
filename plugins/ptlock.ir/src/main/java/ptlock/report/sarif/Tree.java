package ptlock.report.sarif;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects for {@link ptlock.report.Json#write}: SARIF forbids null for almost every property, so nulls are left out. */
final class Tree {
	private Tree() {
	}

	/** An object from name, value pairs, in order, without the pairs whose value is null. */
	static Map<String, Object> obj(Object... nameValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			if (nameValues[i + 1] != null) {
				m.put((String) nameValues[i], nameValues[i + 1]);
			}
		}
		return m;
	}

	/** A SARIF message (or multiformatMessageString) object; null for no text. */
	static Map<String, Object> text(String s) {
		return s == null ? null : obj("text", s);
	}
}
