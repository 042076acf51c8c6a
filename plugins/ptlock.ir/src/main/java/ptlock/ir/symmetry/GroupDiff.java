package ptlock.ir.symmetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ptlock.ir.Expr;
import ptlock.ir.Program;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.ThreadIr;
import ptlock.ir.Var;

/**
 * Compares the lowered steps of threads that run the same path: they must be the same tree, except that each
 * thread reads and writes its own locals and program counter, and that where one has its own id ('self', lowered
 * to a literal) the other has its own. Those literals are the threads' self positions ({@link #selfLiterals()}).
 * Labels, source locations and the static rules' marks are not compared: they change no state.
 */
final class GroupDiff {
	private final Program program;
	private final Set<Expr.IntLit> self = Collections.newSetFromMap(new IdentityHashMap<>());
	/** positions in the first member's tree (its own literals), found while comparing with another member */
	private final Set<Expr.IntLit> firstSelf = Collections.newSetFromMap(new IdentityHashMap<>());

	GroupDiff(Program program) {
		this.program = program;
	}

	Set<Expr.IntLit> selfLiterals() {
		return self;
	}

	/** null if every member of g is the first one with its own id and locals; else what differs. */
	String compare(int[] g) {
		ThreadIr a = program.threads().get(g[0]);
		for (int m = 1; m < g.length; m++) {
			ThreadIr b = program.threads().get(g[m]);
			String why = threads(a, b);
			if (why != null) {
				return a.name() + " and " + b.name() + " run " + a.path() + " differently: " + why;
			}
		}
		self.addAll(firstSelf);
		return null;
	}

	/** Each member's model-check codes, in the order the members' (equal) trees hold their checks. */
	int[][] codes(int[] g) {
		int[][] out = new int[g.length][];
		for (int m = 0; m < g.length; m++) {
			List<Integer> codes = new ArrayList<>();
			for (Step s : program.threads().get(g[m]).steps()) {
				collectCodes(s.body(), codes);
			}
			out[m] = codes.stream().mapToInt(Integer::intValue).toArray();
		}
		return out;
	}

	private static void collectCodes(List<Stmt> body, List<Integer> out) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Check c -> out.add(c.code());
			case Stmt.If f -> {
				collectCodes(f.then(), out);
				collectCodes(f.otherwise(), out);
			}
			case Stmt.Either e -> e.branches().forEach(b -> collectCodes(b, out));
			default -> {
			}
			}
		}
	}

	/** What two trees being compared may differ in: their literals aLit / bLit (collected), their locals. */
	private static final class Pair {
		final int aLit, bLit;
		final Set<Expr.IntLit> aPositions, bPositions;
		final Map<Var, Var> locals = new HashMap<>();
		final Map<Temp, Temp> temps = new HashMap<>();
		/** bound names are fresh per lowering ('c_5' in one thread, 'c_92' in the other): matched one to one */
		final Map<String, String> bound = new HashMap<>();

		Pair(int aLit, int bLit, Set<Expr.IntLit> aPositions, Set<Expr.IntLit> bPositions) {
			this.aLit = aLit;
			this.bLit = bLit;
			this.aPositions = aPositions;
			this.bPositions = bPositions;
		}

		Pair(ThreadIr a, ThreadIr b, Set<Expr.IntLit> aPositions, Set<Expr.IntLit> bPositions) {
			this(a.index(), b.index(), aPositions, bPositions);
			locals.put(a.pc(), b.pc());
			for (int i = 0; i < a.locals().size(); i++) {
				locals.put(a.locals().get(i), b.locals().get(i));
			}
		}
	}

	/**
	 * Whether y is x where x has the literal xLit and y the literal yLit (two iterations of an unrolled loop, the
	 * loop variable bound to each), collecting those literals of x in xPositions.
	 */
	boolean copies(List<Stmt> x, List<Stmt> y, int xLit, int yLit, Set<Expr.IntLit> xPositions) {
		return stmts(x, y, new Pair(xLit, yLit, xPositions, Collections.newSetFromMap(new IdentityHashMap<>())));
	}

	private String threads(ThreadIr a, ThreadIr b) {
		if (a.steps().size() != b.steps().size() || a.entry() != b.entry()
				|| a.locals().size() != b.locals().size()) {
			return "their steps or locals differ";
		}
		for (int i = 0; i < a.locals().size(); i++) {
			Var x = a.locals().get(i), y = b.locals().get(i);
			if (!x.type().equals(y.type()) || !program.shape(x.name()).equals(program.shape(y.name()))) {
				return "local " + x.source() + " has another type";
			}
		}
		Pair p = new Pair(a, b, firstSelf, self);
		for (int i = 0; i < a.steps().size(); i++) {
			Step x = a.steps().get(i), y = b.steps().get(i);
			if (x.id() != y.id() || !stmts(x.body(), y.body(), p)) {
				return "step '" + x.label() + "'";
			}
		}
		return null;
	}

	private boolean stmts(List<Stmt> xs, List<Stmt> ys, Pair p) {
		List<Stmt> a = xs.stream().filter(s -> !(s instanceof Stmt.Mark)).toList();
		List<Stmt> b = ys.stream().filter(s -> !(s instanceof Stmt.Mark)).toList();
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!stmt(a.get(i), b.get(i), p)) {
				return false;
			}
		}
		return true;
	}

	private boolean stmt(Stmt x, Stmt y, Pair p) {
		return switch (x) {
		case Stmt.Assign a when y instanceof Stmt.Assign b -> expr(a.target(), b.target(), p)
				&& expr(a.value(), b.value(), p);
		case Stmt.Await a when y instanceof Stmt.Await b -> expr(a.cond(), b.cond(), p);
		case Stmt.Assert a when y instanceof Stmt.Assert b -> a.property().equals(b.property())
				&& expr(a.cond(), b.cond(), p);
		case Stmt.If a when y instanceof Stmt.If b -> expr(a.cond(), b.cond(), p) && stmts(a.then(), b.then(), p)
				&& stmts(a.otherwise(), b.otherwise(), p);
		case Stmt.Either a when y instanceof Stmt.Either b -> branches(a.branches(), b.branches(), p);
		case Stmt.Pick a when y instanceof Stmt.Pick b -> expr(a.target(), b.target(), p)
				&& temp(a.bound(), b.bound(), p) && expr(a.lo(), b.lo(), p) && expr(a.hi(), b.hi(), p)
				&& expr(a.cond(), b.cond(), p);
		case Stmt.Check a when y instanceof Stmt.Check b -> a.flag().equals(b.flag()) && expr(a.cond(), b.cond(), p);
		case Stmt.Let a when y instanceof Stmt.Let b -> temp(a.temp(), b.temp(), p) && expr(a.value(), b.value(), p);
		case Stmt.Goto a when y instanceof Stmt.Goto b -> a.step() == b.step();
		case Stmt.Halt a when y instanceof Stmt.Halt -> true;
		default -> false;
		};
	}

	private boolean branches(List<List<Stmt>> a, List<List<Stmt>> b, Pair p) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!stmts(a.get(i), b.get(i), p)) {
				return false;
			}
		}
		return true;
	}

	private static boolean bind(String a, String b, Pair p) {
		String known = p.bound.putIfAbsent(a, b);
		return known == null || known.equals(b);
	}

	private boolean temp(Temp a, Temp b, Pair p) {
		if (a == null || b == null) {
			return a == b;
		}
		Temp known = p.temps.putIfAbsent(a, b);
		return (known == null || known.equals(b)) && a.type().equals(b.type());
	}

	private boolean exprs(List<Expr> a, List<Expr> b, Pair p) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!expr(a.get(i), b.get(i), p)) {
				return false;
			}
		}
		return true;
	}

	private boolean expr(Expr x, Expr y, Pair p) {
		if (x == null || y == null) {
			return x == y;
		}
		return switch (x) {
		case Expr.IntLit a when y instanceof Expr.IntLit b -> {
			if (a.value() == b.value()) {
				yield true;
			}
			if (a.value() == p.aLit && b.value() == p.bLit) {
				p.aPositions.add(a);
				p.bPositions.add(b);
				yield true;
			}
			yield false;
		}
		case Expr.VarRef a when y instanceof Expr.VarRef b -> b.var().equals(p.locals.getOrDefault(a.var(), a.var()));
		case Expr.TempRef a when y instanceof Expr.TempRef b -> temp(a.temp(), b.temp(), p);
		case Expr.BoundRef a when y instanceof Expr.BoundRef b -> b.name().equals(p.bound.get(a.name()))
				&& a.type().equals(b.type());
		case Expr.BoolLit a when y instanceof Expr.BoolLit b -> a.equals(b);
		case Expr.EnumLit a when y instanceof Expr.EnumLit b -> a.equals(b);
		case Expr.Index a when y instanceof Expr.Index b -> expr(a.base(), b.base(), p)
				&& expr(a.index(), b.index(), p);
		case Expr.FieldGet a when y instanceof Expr.FieldGet b -> a.field().equals(b.field())
				&& expr(a.base(), b.base(), p);
		case Expr.Unary a when y instanceof Expr.Unary b -> a.op() == b.op() && expr(a.operand(), b.operand(), p);
		case Expr.Binary a when y instanceof Expr.Binary b -> a.op() == b.op() && expr(a.left(), b.left(), p)
				&& expr(a.right(), b.right(), p);
		case Expr.Cond a when y instanceof Expr.Cond b -> expr(a.cond(), b.cond(), p) && expr(a.then(), b.then(), p)
				&& expr(a.otherwise(), b.otherwise(), p);
		case Expr.SetLit a when y instanceof Expr.SetLit b -> exprs(a.elems(), b.elems(), p);
		case Expr.SetBuilder a when y instanceof Expr.SetBuilder b -> bind(a.name(), b.name(), p)
				&& expr(a.lo(), b.lo(), p) && expr(a.hi(), b.hi(), p) && expr(a.cond(), b.cond(), p);
		case Expr.Quant a when y instanceof Expr.Quant b -> a.forall() == b.forall() && bind(a.name(), b.name(), p)
				&& expr(a.lo(), b.lo(), p) && expr(a.hi(), b.hi(), p) && expr(a.body(), b.body(), p);
		case Expr.RecordLit a when y instanceof Expr.RecordLit b -> Objects.equals(a.type(), b.type())
				&& exprs(a.values(), b.values(), p);
		default -> false;
		};
	}
}
