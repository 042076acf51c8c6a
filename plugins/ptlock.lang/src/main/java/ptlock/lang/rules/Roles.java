package ptlock.lang.rules;

import java.util.ArrayList;
import java.util.List;

import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Tag;

/**
 * What a primitive does for the static rules, read from its tags. A role's argument is a parameter name,
 * "result" (the value the call returns), or a fixed lock name written in quotes in the tag.
 */
record Roles(List<Role> roles) {

	enum Kind {
		ACQUIRES, TRYACQUIRES, RELEASES, MAPS, NOLOCK, UNMAPS, WRITES_PTE, RECHECKS_PMD, LOCKCLASS, READS_PTE,
		COMPARES_PTE
	}

	/**
	 * @param arg parameter name, "result", or a fixed lock name (literal)
	 * @param lockClass for LOCKCLASS
	 */
	record Role(Kind kind, String arg, boolean literal, String lockClass) {
	}

	static final Roles NONE = new Roles(List.of());

	static Roles of(Prim p) {
		List<Role> out = new ArrayList<>();
		for (Tag t : p.getTags()) {
			Kind k = kind(t.getName());
			if (k == null) {
				continue;
			}
			if (k == Kind.COMPARES_PTE) {
				for (String a : t.getArgs()) {
					out.add(new Role(k, unquote(a), false, null));
				}
			} else if (k == Kind.LOCKCLASS) {
				if (t.getArgs().size() == 2) {
					out.add(new Role(k, unquote(t.getArgs().get(1)), false, unquote(t.getArgs().get(0))));
				}
			} else if (t.getArgs().size() == 1) {
				String raw = t.getArgs().get(0);
				out.add(new Role(k, unquote(raw), isLiteral(raw), null));
			}
		}
		return new Roles(out);
	}

	static Kind kind(String tag) {
		return switch (tag) {
		case "acquires" -> Kind.ACQUIRES;
		case "tryacquires" -> Kind.TRYACQUIRES;
		case "releases" -> Kind.RELEASES;
		case "maps" -> Kind.MAPS;
		case "nolock" -> Kind.NOLOCK;
		case "unmaps" -> Kind.UNMAPS;
		case "writes_pte" -> Kind.WRITES_PTE;
		case "rechecks_pmd" -> Kind.RECHECKS_PMD;
		case "lockclass" -> Kind.LOCKCLASS;
		case "reads_pte" -> Kind.READS_PTE;
		case "compares_pte" -> Kind.COMPARES_PTE;
		default -> null;
		};
	}

	/** Whether the tag argument is a fixed lock name (quoted) rather than a parameter or "result". */
	static boolean isLiteral(String rawArg) {
		return rawArg.startsWith("\"");
	}

	static String unquote(String s) {
		return s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
	}

	boolean has(Kind k) {
		return roles.stream().anyMatch(r -> r.kind() == k);
	}

	List<Role> of(Kind k) {
		return roles.stream().filter(r -> r.kind() == k).toList();
	}
}
