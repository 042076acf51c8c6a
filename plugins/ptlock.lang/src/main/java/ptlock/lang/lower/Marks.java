package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import ptlock.ir.Expr;
import ptlock.ir.SourceLoc;
import ptlock.ir.Stmt;
import ptlock.ir.Type;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Tag;
import ptlock.lang.validation.IssueCodes;

/**
 * Turns the tags of an atomic primitive into {@link Stmt.Mark}s after its body, with the tag arguments bound as the
 * call binds them: what the static locking rules (ptlock.lang.rules) see of the call. Tags of a multi-step
 * primitive have no effect: the rules follow its body.
 */
public final class Marks {
	/** Tags that say what a primitive does to locks, maps and PTEs (docs/LANGUAGE.md, "Static rules"). */
	public static final Set<String> EFFECTS = Set.of("acquires", "acquires_nested", "acquires_read", "tryacquires", "tryacquires_read",
			"releases", "downgrades", "maps", "unmaps", "nolock", "writes_pte", "reads_pte", "rechecks_pmd", "compares_pte",
			"checks_none", "checks_present",
			"lockclass");
	/** Effects that depend on the call's result (taken or not, rechecked or not, the value read). */
	private static final Set<String> WITH_RESULT = Set.of("tryacquires", "tryacquires_read", "reads_pte",
			"rechecks_pmd", "compares_pte", "checks_none", "checks_present");

	private final Scope scope;

	Marks(Scope scope) {
		this.scope = scope;
	}

	static boolean hasEffects(Prim p) {
		return p.getTags().stream().anyMatch(t -> EFFECTS.contains(t.getName()));
	}

	List<Stmt> of(Prim prim, Env calleeEnv, Expr result, CallExpr call) {
		List<SourceLoc> at = new ArrayList<>();
		for (Iterator<EObject> it = scope.callSites.descendingIterator(); it.hasNext();) {
			at.add(Sources.of(it.next()));
		}
		List<Stmt> out = new ArrayList<>();
		for (Tag t : prim.getTags()) {
			if (!EFFECTS.contains(t.getName()) || t.getArgs().isEmpty()) {
				continue;
			}
			// a quoted first argument names a lock ("mmap_lock"), a lock space ("page_lock", pg) or a lock class
			List<String> raw = t.getArgs();
			boolean named = raw.get(0).startsWith("\"") || "lockclass".equals(t.getName());
			String name = named ? unquote(raw.get(0)) : null;
			List<Expr> args = new ArrayList<>();
			List<String> shown = new ArrayList<>();
			for (int i = named ? 1 : 0; i < raw.size(); i++) {
				args.add(resolve(raw.get(i), calleeEnv, result, t));
				shown.add(shown(raw.get(i), prim, call));
			}
			Expr res = WITH_RESULT.contains(t.getName()) ? result : null;
			out.add(new Stmt.Mark(t.getName(), name, java.util.Collections.unmodifiableList(args), List.copyOf(shown),
					res, List.copyOf(at), prim.getName()));
		}
		return out;
	}

	/** A tag argument as the call binds it: a parameter or 'result', with '.field' selectors. Null if unbound. */
	private Expr resolve(String arg, Env calleeEnv, Expr result, Tag at) {
		String[] parts = arg.split("\\.");
		Expr e = "result".equals(parts[0]) ? result : calleeEnv.lookup(parts[0]);
		for (int i = 1; i < parts.length && e != null; i++) {
			if (e.type() instanceof Type.Record r && r.field(parts[i]) != null) {
				e = new Expr.FieldGet(e, parts[i], r.field(parts[i]).type());
			} else {
				scope.problems.error(IssueCodes.BAD_TAG, "'@" + at.getName() + "(" + arg + ")': " + Types.describe(e.type())
						+ " has no field '" + parts[i] + "'", at);
				return null;
			}
		}
		return e;
	}

	/** A tag argument as the call site writes it: the argument's text ('result': the call itself). */
	private static String shown(String arg, Prim prim, CallExpr call) {
		String[] parts = arg.split("\\.", 2);
		String rest = parts.length > 1 ? "." + parts[1] : "";
		if ("result".equals(parts[0])) {
			return call.getName() + "()" + rest;
		}
		for (int k = 0; k < prim.getParams().size() && k < call.getArgs().size(); k++) {
			if (prim.getParams().get(k).getName().equals(parts[0])) {
				return Sources.of(call.getArgs().get(k)).text().replaceFirst("^&", "") + rest;
			}
		}
		return arg;
	}

	private static String unquote(String s) {
		return s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
	}

	/** The statement a call is part of (what a finding points at). */
	static EObject statementOf(EObject e) {
		EObject s = e;
		while (s != null && !(s instanceof ptlock.lang.ptlock.Stmt)) {
			s = s.eContainer();
		}
		return s == null ? e : s;
	}
}
