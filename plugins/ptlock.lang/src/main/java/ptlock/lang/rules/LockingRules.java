package ptlock.lang.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.lower.Diagnostic;
import ptlock.lang.lower.Problems;
import ptlock.lang.lower.SymbolTable;
import ptlock.lang.ptlock.AssertStmt;
import ptlock.lang.ptlock.AtomicStmt;
import ptlock.lang.ptlock.AwaitStmt;
import ptlock.lang.ptlock.BinExpr;
import ptlock.lang.ptlock.Block;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.EitherStmt;
import ptlock.lang.ptlock.Expr;
import ptlock.lang.ptlock.ExprStmt;
import ptlock.lang.ptlock.FieldExpr;
import ptlock.lang.ptlock.ForStmt;
import ptlock.lang.ptlock.IfStmt;
import ptlock.lang.ptlock.IntLit;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.NameRef;
import ptlock.lang.ptlock.Param;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.PickStmt;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.ReturnStmt;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.lang.ptlock.Stmt;
import ptlock.lang.ptlock.UnExpr;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.ptlock.WhileStmt;
import ptlock.lang.validation.IssueCodes;

/**
 * The static locking rules, checked on every path through every code path (both sides of every branch and of every
 * 'since', loops run zero or one time, untagged multi-step helpers inlined, tagged primitives seen through their
 * tags): locks and maps balanced, no lock-order inversion between paths, and Jann Horn's rule for writes through
 * pointers from a *_nolock map.
 */
public final class LockingRules {
	private static final int MAX_PATHS = 20_000;
	private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final SymbolTable symbols;
	private final Problems problems = new Problems();
	private final Map<String, EObject> order = new LinkedHashMap<>();
	private final Map<String, Boolean> reported = new HashMap<>();
	private int paths;
	private int inlineCounter;

	/** One level of statements being walked; names maps a callee's parameters and locals to the caller's keys. */
	private static final class Frame {
		final List<? extends Stmt> stmts;
		int index;
		final boolean call;
		final Map<String, String> names;

		Frame(List<? extends Stmt> stmts, boolean call, Map<String, String> names) {
			this.stmts = stmts;
			this.call = call;
			this.names = names;
		}

		Frame copy() {
			Frame f = new Frame(stmts, call, new HashMap<>(names));
			f.index = index;
			return f;
		}
	}

	private LockingRules(SymbolTable symbols) {
		this.symbols = symbols;
	}

	/** Checks every path of the models (the spec and its includes); returns the problems found. */
	public static List<Diagnostic> check(List<Model> models) {
		Problems ignored = new Problems();
		LockingRules r = new LockingRules(SymbolTable.of(models, ignored));
		for (Path p : r.symbols.paths.values()) {
			r.paths = 0;
			Deque<Frame> stack = new ArrayDeque<>();
			stack.push(new Frame(p.getBody().getStmts(), false, new HashMap<>()));
			r.walk(stack, new PathState());
		}
		r.inversions();
		return r.problems.all();
	}

	private void walk(Deque<Frame> stack, PathState st) {
		while (true) {
			if (paths > MAX_PATHS) {
				return;
			}
			Frame f = stack.peek();
			if (f == null) {
				endOfPath(st);
				return;
			}
			if (f.index >= f.stmts.size()) {
				stack.pop();
				continue;
			}
			Stmt s = f.stmts.get(f.index++);
			switch (s) {
			case Block b -> stack.push(new Frame(b.getStmts(), false, f.names));
			case AtomicStmt a -> stack.push(new Frame(a.getBody().getStmts(), false, f.names));
			case VarDecl v -> {
				if (f.call) {
					f.names.put(v.getName(), "#" + (++inlineCounter) + "." + v.getName());
				}
				if (v.getInit() != null) {
					String target = key(v.getName(), f);
					st.assigned(target);
					if (expressionWithInlining(v.getInit(), target, stack, f, st)) {
						continue;
					}
				}
			}
			case ExprStmt x -> {
				String target = x.getValue() == null ? null : key(x.getExpr(), f);
				if (target != null) {
					st.assigned(target);
				}
				Expr call = x.getValue() == null ? x.getExpr() : x.getValue();
				if (expressionWithInlining(call, target, stack, f, st)) {
					continue;
				}
			}
			case PickStmt p -> st.assigned(key(p.getName(), f));
			case AwaitStmt a -> events(a.getCond(), null, f, st);
			case AssertStmt a -> events(a.getCond(), null, f, st);
			case ReturnStmt r -> {
				if (r.getValue() != null) {
					events(r.getValue(), null, f, st);
				}
				while (!stack.isEmpty()) {
					if (stack.pop().call) {
						break;
					}
				}
			}
			case IfStmt i -> {
				events(i.getCond(), null, f, st);
				branch(stack, st, f, i.getCond(), i.getThen(), i.getElse());
				return;
			}
			case WhileStmt w -> {
				events(w.getCond(), null, f, st);
				// zero iterations, or one
				branch(stack, st, f, w.getCond(), w.getBody(), null);
				return;
			}
			case ForStmt l -> stack.push(new Frame(List.of(l.getBody()), false, f.names));
			case SinceStmt x -> {
				// one path is one patch level: every 'since' of the same patch takes the same side
				String level = "since " + (x.getPatch() == null ? "?" : x.getPatch().getName());
				Boolean known = st.decided.get(level);
				for (boolean applied : new boolean[] { true, false }) {
					if (known != null && known != applied) {
						continue;
					}
					Stmt chosen = applied ? x.getThen() : x.getElse();
					Deque<Frame> s2 = copy(stack);
					PathState st2 = st.copy();
					st2.decided.put(level, applied);
					if (chosen != null) {
						s2.push(new Frame(List.of(chosen), false, s2.peek().names));
					}
					walk(s2, st2);
				}
				return;
			}
			case EitherStmt e -> {
				for (Block b : e.getBranches()) {
					Deque<Frame> s2 = copy(stack);
					s2.push(new Frame(b.getStmts(), false, s2.peek().names));
					walk(s2, st.copy());
				}
				return;
			}
			default -> {
			}
			}
		}
	}

	/** Handles 'target = call(...)' / 'call(...)': inlines an untagged multi-step callee (returns true), else events. */
	private boolean expressionWithInlining(Expr e, String target, Deque<Frame> stack, Frame f, PathState st) {
		if (e instanceof CallExpr c) {
			Prim prim = symbols.prims.get(c.getName());
			Path path = symbols.paths.get(c.getName());
			boolean inline = (path != null) || (prim != null && !prim.isAtomic() && Roles.of(prim).roles().isEmpty());
			if (inline) {
				List<Param> params = prim != null ? prim.getParams() : path.getParams();
				List<? extends Stmt> body = prim != null ? prim.getBody().getStmts() : path.getBody().getStmts();
				if (stack.size() > 12 || params.size() != c.getArgs().size()) {
					return false;
				}
				for (Expr a : c.getArgs()) {
					events(a, null, f, st);
				}
				Map<String, String> names = new HashMap<>();
				for (int k = 0; k < params.size(); k++) {
					names.put(params.get(k).getName(), key(c.getArgs().get(k), f));
				}
				stack.push(new Frame(body, true, names));
				return true;
			}
		}
		events(e, target, f, st);
		return false;
	}

	private void branch(Deque<Frame> stack, PathState st, Frame f, Expr cond, Stmt then, Stmt otherwise) {
		String c = key(cond, f);
		Boolean known = st.decided.get(c);
		for (boolean outcome : new boolean[] { true, false }) {
			if (known != null && known != outcome) {
				continue;
			}
			PathState s2 = st.copy();
			Deque<Frame> k2 = copy(stack);
			outcome(cond, outcome, k2.peek(), s2);
			s2.decided.put(c, outcome);
			Stmt next = outcome ? then : otherwise;
			if (next != null) {
				k2.push(new Frame(List.of(next), false, k2.peek().names));
			}
			walk(k2, s2);
		}
	}

	/** What taking one side of a condition establishes. */
	private void outcome(Expr cond, boolean value, Frame f, PathState st) {
		switch (cond) {
		case UnExpr u when "!".equals(u.getOp()) -> outcome(u.getOperand(), !value, f, st);
		case BinExpr b when "&&".equals(b.getOp()) && value -> {
			outcome(b.getLeft(), true, f, st);
			outcome(b.getRight(), true, f, st);
		}
		case BinExpr b when "||".equals(b.getOp()) && !value -> {
			outcome(b.getLeft(), false, f, st);
			outcome(b.getRight(), false, f, st);
		}
		case BinExpr b when "==".equals(b.getOp()) || "!=".equals(b.getOp()) -> {
			boolean equal = "==".equals(b.getOp()) == value;
			// 'p.table == 0': the map returned no table: nothing is mapped or locked through p
			if (b.getLeft() instanceof FieldExpr fe && "table".equals(fe.getField()) && b.getRight() instanceof IntLit i
					&& i.getValue() == 0 && equal) {
				String p = key(fe.getBase(), f);
				PathState.Mapped m = st.mapped.remove(p);
				if (m != null) {
					m.locks().forEach(st::release);
				}
			}
			// 'v == None' false: v is known not to be none
			if (b.getLeft() instanceof NameRef v && b.getRight() instanceof NameRef n && "None".equals(n.getName())
					&& !equal) {
				st.notNone.add(key(v.getName(), f));
			}
		}
		case CallExpr c -> {
			Prim prim = symbols.prims.get(c.getName());
			if (prim == null || !value) {
				return;
			}
			Roles roles = Roles.of(prim);
			for (Roles.Role r : roles.of(Roles.Kind.RECHECKS_PMD)) {
				String p = arg(r, prim, c, null, f);
				if (p != null && !st.held.isEmpty()) {
					st.rechecked.add(p);
				}
			}
			for (Roles.Role r : roles.of(Roles.Kind.TRYACQUIRES)) {
				String l = arg(r, prim, c, null, f);
				if (l != null) {
					st.held.add(new PathState.Held(l, r.literal() ? l : st.lockClass.get(l), statementOf(c)));
				}
			}
			List<Roles.Role> compared = roles.of(Roles.Kind.COMPARES_PTE);
			if (compared.size() == 2) {
				String read = null;
				String expected = null;
				for (Roles.Role r : compared) {
					Expr a = argExpr(r, prim, c);
					String readFrom = readPointer(a, f);
					if (readFrom != null) {
						read = readFrom;
					} else if (a != null) {
						expected = key(a, f);
					}
				}
				if (read != null && expected != null && st.notNone.contains(expected)) {
					st.pteChecked.add(read);
				}
			}
		}
		default -> {
		}
		}
	}

	/** If the expression is a call of a @reads_pte primitive, the pointer it reads through. */
	private String readPointer(Expr e, Frame f) {
		if (e instanceof CallExpr c) {
			Prim prim = symbols.prims.get(c.getName());
			if (prim != null) {
				for (Roles.Role r : Roles.of(prim).of(Roles.Kind.READS_PTE)) {
					return arg(r, prim, c, null, f);
				}
			}
		}
		return null;
	}

	/** Applies the roles of every tagged primitive called in the expression (innermost first). */
	private void events(Expr e, String target, Frame f, PathState st) {
		if (e == null) {
			return;
		}
		for (EObject child : e.eContents()) {
			if (child instanceof Expr x) {
				events(x, null, f, st);
			}
		}
		if (!(e instanceof CallExpr c)) {
			return;
		}
		Prim prim = symbols.prims.get(c.getName());
		if (prim == null) {
			return;
		}
		Roles roles = Roles.of(prim);
		EObject at = statementOf(c);
		List<String> acquired = new ArrayList<>();
		for (Roles.Role r : roles.of(Roles.Kind.LOCKCLASS)) {
			String k = arg(r, prim, c, target, f);
			if (k != null) {
				st.lockClass.put(k, r.lockClass());
			}
		}
		for (Roles.Role r : roles.of(Roles.Kind.ACQUIRES)) {
			String l = arg(r, prim, c, target, f);
			if (l == null) {
				continue;
			}
			String cls = r.literal() ? l : st.lockClass.get(l);
			for (PathState.Held h : st.held) {
				if (h.lockClass() != null && cls != null && !h.lockClass().equals(cls)) {
					order.putIfAbsent(h.lockClass() + " -> " + cls, at);
				}
			}
			st.held.add(new PathState.Held(l, cls, at));
			acquired.add(l);
		}
		for (Roles.Role r : roles.of(Roles.Kind.MAPS)) {
			String p = arg(r, prim, c, target, f);
			if (p != null) {
				st.mapped.put(p, new PathState.Mapped(at, acquired));
			}
		}
		for (Roles.Role r : roles.of(Roles.Kind.NOLOCK)) {
			String p = arg(r, prim, c, target, f);
			if (p != null) {
				st.nolock.add(p);
			}
		}
		for (Roles.Role r : roles.of(Roles.Kind.RELEASES)) {
			String l = arg(r, prim, c, target, f);
			if (l == null) {
				continue;
			}
			if (!st.holds(l)) {
				report(IssueCodes.UNBALANCED_LOCK, "'" + c.getName() + "' releases " + show(l)
						+ ", which this path does not hold here", at);
			}
			st.release(l);
			// a recheck is only worth something while the lock it was made under is held
			st.rechecked.clear();
			st.pteChecked.clear();
		}
		for (Roles.Role r : roles.of(Roles.Kind.UNMAPS)) {
			String p = arg(r, prim, c, target, f);
			if (p == null) {
				continue;
			}
			if (st.mapped.remove(p) == null) {
				report(IssueCodes.UNBALANCED_MAP, "'" + c.getName() + "' unmaps " + show(p)
						+ ", which this path has not mapped here", at);
			}
		}
		for (Roles.Role r : roles.of(Roles.Kind.WRITES_PTE)) {
			String p = arg(r, prim, c, target, f);
			if (p != null && st.nolock.contains(p) && !st.rechecked.contains(p) && !st.pteChecked.contains(p)) {
				problems.warning(IssueCodes.UNCHECKED_NOLOCK_WRITE, "'" + c.getName() + "' writes through " + show(p)
						+ ", looked up with a *_nolock map, with no pmd_same() recheck after taking the ptl: the table"
						+ " may have been detached meanwhile (Jann Horn's rule). Fix: after spin_lock(ptl), bail out"
						+ " 'if (!pmd_same(" + show(p).replace("'", "") + "))', or check pte_same() against a value known not to be"
						+ " none", at);
			}
		}
	}

	private void endOfPath(PathState st) {
		paths++;
		for (PathState.Held h : st.held) {
			report(IssueCodes.UNBALANCED_LOCK, "a path from here can end still holding " + show(h.key()), h.at());
		}
		for (Map.Entry<String, PathState.Mapped> m : st.mapped.entrySet()) {
			report(IssueCodes.UNBALANCED_MAP, "a path from here can end with " + show(m.getKey())
					+ " still mapped (its RCU read section never ends)", m.getValue().at());
		}
	}

	private void inversions() {
		for (Map.Entry<String, EObject> e : order.entrySet()) {
			String[] ab = e.getKey().split(" -> ");
			EObject other = order.get(ab[1] + " -> " + ab[0]);
			if (other != null) {
				report(IssueCodes.LOCK_ORDER_INVERSION, "takes " + ab[1] + " while holding " + ab[0]
						+ ", but another path takes them in the opposite order (line "
						+ ptlock.lang.lower.Sources.of(other).line() + "): a possible ABBA deadlock", e.getValue());
			}
		}
	}

	private void report(String code, String message, EObject at) {
		if (reported.putIfAbsent(code + "|" + System.identityHashCode(at), true) == null) {
			problems.error(code, message, at);
		}
	}

	/** The key of a role's argument at this call: a lock or pointer expression as the caller names it. */
	private String arg(Roles.Role r, Prim prim, CallExpr c, String target, Frame f) {
		if (r.literal()) {
			return r.arg();
		}
		if ("result".equals(r.arg())) {
			return target;
		}
		Expr a = argExpr(r, prim, c);
		return a == null ? null : key(a, f);
	}

	private static Expr argExpr(Roles.Role r, Prim prim, CallExpr c) {
		for (int k = 0; k < prim.getParams().size() && k < c.getArgs().size(); k++) {
			if (prim.getParams().get(k).getName().equals(r.arg())) {
				return c.getArgs().get(k);
			}
		}
		return null;
	}

	private static EObject statementOf(EObject e) {
		EObject s = e;
		while (s != null && !(s instanceof Stmt)) {
			s = s.eContainer();
		}
		return s == null ? e : s;
	}

	/** An expression's text with '&' dropped and names of inlined callees replaced by the caller's. */
	private static String key(Expr e, Frame f) {
		String t = ptlock.lang.lower.Sources.of(e).text().replaceAll("\\s+", "");
		if (e instanceof UnExpr u && "&".equals(u.getOp())) {
			t = ptlock.lang.lower.Sources.of(u.getOperand()).text().replaceAll("\\s+", "");
		}
		return rename(t, f);
	}

	private static String key(String name, Frame f) {
		return rename(name, f);
	}

	private static String rename(String text, Frame f) {
		Matcher m = IDENT.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String id = m.group();
			boolean field = m.start() > 0 && text.charAt(m.start() - 1) == '.';
			m.appendReplacement(sb, Matcher.quoteReplacement(field ? id : f.names.getOrDefault(id, id)));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private static String show(String key) {
		return "'" + key.replaceAll("#\\d+\\.", "") + "'";
	}

	private static Deque<Frame> copy(Deque<Frame> stack) {
		Deque<Frame> c = new ArrayDeque<>();
		for (java.util.Iterator<Frame> it = stack.descendingIterator(); it.hasNext();) {
			c.push(it.next().copy());
		}
		return c;
	}
}
