package ptlock.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positional ones and --options (with a value unless they are flags). */
final class Args {
	static final class UsageException extends Exception {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}

	final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();

	static Args parse(List<String> argv, Set<String> flags, Set<String> valued) throws UsageException {
		Args a = new Args();
		for (int i = 0; i < argv.size(); i++) {
			String s = argv.get(i);
			if (s.startsWith("--")) {
				String name = s.substring(2);
				String value = null;
				int eq = name.indexOf('=');
				if (eq >= 0) {
					value = name.substring(eq + 1);
					name = name.substring(0, eq);
				}
				if (flags.contains(name)) {
					if (value != null) {
						throw new UsageException("--" + name + " takes no value");
					}
					a.options.put(name, "true");
				} else if (valued.contains(name)) {
					if (value == null) {
						if (i + 1 >= argv.size()) {
							throw new UsageException("--" + name + " needs a value");
						}
						value = argv.get(++i);
					}
					a.options.put(name, value);
				} else {
					throw new UsageException("unknown option --" + name);
				}
			} else {
				a.positional.add(s);
			}
		}
		return a;
	}

	boolean flag(String name) {
		return options.containsKey(name);
	}

	String value(String name, String dflt) {
		return options.getOrDefault(name, dflt);
	}

	int intValue(String name, int dflt) throws UsageException {
		String v = options.get(name);
		if (v == null) {
			return dflt;
		}
		try {
			int n = Integer.parseInt(v);
			if (n < 0) {
				throw new NumberFormatException();
			}
			return n;
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " needs a non-negative number, not '" + v + "'");
		}
	}
}
