package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.ir.VarView;
import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Tag;
import ptlock.lang.ptlock.ThreadType;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.validation.IssueCodes;

/**
 * How a race shows each global ({@link VarView}): its values are CPUs if its type is 'thread' (or an array of
 * them), and a constant tagged '@names(lock_owner, "ptl of PT page", N_PT_PAGES, "page_table_lock of mm", N_MMS,
 * "BOGUS_LOCK", 1)' names the elements of the arrays it lists in runs: element 1 is "ptl of PT page 1", ..., then
 * "page_table_lock of mm 1", ...; a run of the literal 1 is its name alone. Elements past the runs keep their number.
 * The tag sits on the constant that sizes the id space (specs/lib/pgtable.ptl N_SPINLOCKS), because the library
 * that embeds the locks is the one that knows which id is which.
 */
final class ElementNames {
	static final String TAG = "names";

	private ElementNames() {
	}

	/** @param cpus the threads' names in order: the elements of an array sized THREADS are named after them */
	static Map<String, VarView> views(SymbolTable symbols, Map<String, Var> globals, Scope scope, List<String> cpus) {
		Map<String, List<String>> named = new HashMap<>();
		for (Const c : symbols.consts.values()) {
			for (Tag t : c.getTags()) {
				tag(t, globals, scope, named);
			}
		}
		Map<String, VarView> out = new LinkedHashMap<>();
		for (VarDecl v : symbols.globals.values()) {
			boolean ofCpus = v.getType().getBase() instanceof ThreadType;
			List<String> names = named.get(v.getName());
			if (names == null && !v.getType().getDims().isEmpty()
					&& v.getType().getDims().get(0) instanceof ptlock.lang.ptlock.NameRef n
					&& "THREADS".equals(n.getName())) {
				names = cpus;
			}
			out.put(v.getName(), new VarView(ofCpus, names == null ? List.of() : List.copyOf(names), null));
		}
		return out;
	}

	private static void tag(Tag t, Map<String, Var> globals, Scope scope, Map<String, List<String>> named) {
		if (!TAG.equals(t.getName())) {
			scope.problems.error(IssueCodes.BAD_TAG, "unknown tag '@" + t.getName() + "' on a constant (known: @"
					+ TAG + ")", t);
			return;
		}
		List<String> args = t.getArgs();
		int first = 0;
		while (first < args.size() && !args.get(first).startsWith("\"")) {
			first++;
		}
		if (first == 0 || first == args.size() || (args.size() - first) % 2 != 0) {
			scope.problems.error(IssueCodes.BAD_TAG, "'@" + TAG + "' takes the arrays it names, then pairs of a"
					+ " quoted name and a count", t);
			return;
		}
		List<String> names = runs(t, args.subList(first, args.size()), scope);
		for (String array : args.subList(0, first)) {
			Var v = globals.get(array);
			if (v == null || !(v.type() instanceof Type.Array a)) {
				scope.problems.error(IssueCodes.BAD_TAG, "'@" + TAG + "' names '" + array + "', which is not a"
						+ " global array", t);
			} else if (names != null && names.size() > a.size()) {
				scope.problems.error(IssueCodes.BAD_TAG, "'@" + TAG + "' names " + names.size() + " elements, and '"
						+ array + "' has " + a.size(), t);
			} else if (names != null) {
				named.put(array, names);
			}
		}
	}

	private static List<String> runs(Tag t, List<String> pairs, Scope scope) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i += 2) {
			String name = pairs.get(i);
			Integer count = count(pairs.get(i + 1), t, scope);
			if (!name.startsWith("\"") || count == null) {
				scope.problems.error(IssueCodes.BAD_TAG, "'@" + TAG + "': '" + name + ", " + pairs.get(i + 1)
						+ "' is not a quoted name and a count", t);
				return null;
			}
			String plain = name.substring(1, name.length() - 1);
			// a run of the literal 1 is one thing ("i_mmap_rwsem"); a counted run is a family, numbered
			boolean single = "1".equals(pairs.get(i + 1));
			for (int k = 1; k <= count; k++) {
				out.add(single ? plain : plain + " " + k);
			}
		}
		return List.copyOf(out);
	}

	private static Integer count(String arg, Tag at, Scope scope) {
		if (arg.matches("\\d+")) {
			return Integer.valueOf(arg);
		}
		if (arg.matches("[A-Za-z_][A-Za-z_0-9]*")) {
			Integer v = scope.consts.named(arg, at);
			return v != null && v >= 0 ? v : null;
		}
		return null;
	}
}
