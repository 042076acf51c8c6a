package ptlock.lang.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import ptlock.ir.Expr;
import ptlock.ir.SourceLoc;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.Temp;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.lang.ptlock.AtomicStmt;
import ptlock.lang.ptlock.Block;
import ptlock.lang.ptlock.BreakStmt;
import ptlock.lang.ptlock.CallExpr;
import ptlock.lang.ptlock.ContinueStmt;
import ptlock.lang.ptlock.DoWhileStmt;
import ptlock.lang.ptlock.EitherStmt;
import ptlock.lang.ptlock.ExprStmt;
import ptlock.lang.ptlock.ForStmt;
import ptlock.lang.ptlock.GotoStmt;
import ptlock.lang.ptlock.IfStmt;
import ptlock.lang.ptlock.LabelStmt;
import ptlock.lang.ptlock.PickStmt;
import ptlock.lang.ptlock.ReturnStmt;
import ptlock.lang.ptlock.SinceStmt;
import ptlock.lang.ptlock.SwitchCase;
import ptlock.lang.ptlock.SwitchStmt;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.ptlock.WhileStmt;
import ptlock.lang.validation.IssueCodes;

/**
 * Lowers a code path to the steps of one thread. What is one step: an atomic block, a call of an atomic primitive,
 * an assignment, await, assert or pick, and the test of an 'if' or 'while'. Calls of non-atomic primitives and of
 * other paths are inlined statement by statement. Built backwards (each statement knows its successor), then
 * numbered in the order a reader meets them.
 */
final class ThreadLowering {
	private static final int DONE = -1;

	private final Scope scope;
	private final StepLowering steps;
	private final Map<Integer, Step> built = new HashMap<>();
	private final Map<Integer, Integer> aliases = new HashMap<>();
	private final List<Var> locals = new ArrayList<>();
	private final Map<String, Integer> localNames = new HashMap<>();
	private int nextId;

	private static final int NONE = -2;

	/**
	 * Where 'return' goes (the continuation of an inlined call) and where a returned value is stored; the labels
	 * of the function being lowered (placeholder step ids, aliased to where each label stands); where 'break' and
	 * 'continue' go (NONE outside loops).
	 */
	private record Ctx(int returnTo, Expr resultTarget, EObject callSite, String callLabel,
			List<Step.Frame> callFrames, Map<String, Integer> labels, int breakTo, int continueTo) {
		Ctx loop(int breakTarget, int continueTarget) {
			return new Ctx(returnTo, resultTarget, callSite, callLabel, callFrames, labels, breakTarget,
					continueTarget);
		}

		Ctx switchBody(int breakTarget) {
			return new Ctx(returnTo, resultTarget, callSite, callLabel, callFrames, labels, breakTarget, continueTo);
		}
	}

	/** Where a placeholder step id (a label, a loop head) was made, for the error if it ends up in a cycle. */
	private final Map<Integer, EObject> placeholders = new HashMap<>();

	/** The multi-step primitives being inlined, innermost first: their steps are labelled "prim: line". */
	private final Deque<Step.Frame> inlined = new ArrayDeque<>();

	ThreadLowering(Scope scope, StepLowering steps) {
		this.scope = scope;
		this.steps = steps;
	}

	ThreadIr lower(String threadName, String pathText, int index, boolean daemon, Callee path, Env env) {
		scope.threadIndex = index;
		scope.threadName = threadName;
		scope.threadLevel = true;
		scope.callStack.push(path.name());
		scope.enterBody(path);
		int entry;
		try {
			entry = seq(path.body().getStmts(), 0, env, DONE,
					new Ctx(DONE, null, null, null, null, labels(path), NONE, NONE));
		} finally {
			scope.leaveBody();
			scope.callStack.pop();
			scope.threadLevel = false;
		}
		return finish(threadName, index, daemon, pathText, entry);
	}

	private int seq(List<ptlock.lang.ptlock.Stmt> stmts, int i, Env env, int next, Ctx ctx) {
		if (i >= stmts.size()) {
			return next;
		}
		ptlock.lang.ptlock.Stmt s = stmts.get(i);
		if (s instanceof VarDecl v) {
			Var local = newLocal(v.getName(), scope.types.resolve(v.getType()),
					v.getType().getBase() instanceof ptlock.lang.ptlock.ThreadType);
			ptlock.ir.ThreadShape shape = new ThreadShapes(scope.symbols).of(v.getType());
			if (shape.hasThreads()) {
				scope.shapes.put(local.name(), shape);
			}
			Env inner = env.child();
			inner.bind(v.getName(), new Expr.VarRef(local));
			int rest = seq(stmts, i + 1, inner, next, ctx);
			if (v.getInit() == null) {
				return rest;
			}
			List<Stmt> body = new ArrayList<>();
			Expr value = steps.exprs.lower(v.getInit(), env, body);
			steps.exprs.expectCompatible(local.type(), value.type(), v.getInit());
			body.add(new Stmt.Assign(new Expr.VarRef(local), value));
			return step(v, label(v), body, rest);
		}
		if (s instanceof PickStmt p) {
			Integer lo = scope.consts.tryEval(p.getLo());
			Integer hi = scope.consts.tryEval(p.getHi());
			Temp t = new Temp(scope.fresh(p.getName()), TypeResolver.INT);
			Env condEnv = env.child();
			condEnv.bind(p.getName(), new Expr.TempRef(t));
			Stmt.Pick untargeted = steps.pick(p, null, t, env, condEnv);
			// the picked value's type: the constant range, or what the bounds' types allow (an int-wide type is
			// more than TLC can write in TypeOK)
			Type.Range l = bounds(untargeted.lo()), h = bounds(untargeted.hi());
			Type.Range type = lo != null && hi != null && lo <= hi ? new Type.Range(Math.min(0, lo), hi)
					: l != null && h != null ? new Type.Range(Math.min(0, l.lo()), Math.max(0, h.hi()))
							: TypeResolver.INT;
			Var local = newLocal(p.getName(), type, false);
			Env inner = env.child();
			inner.bind(p.getName(), new Expr.VarRef(local));
			int rest = seq(stmts, i + 1, inner, next, ctx);
			List<Stmt> body = new ArrayList<>();
			body.add(new Stmt.Pick(new Expr.VarRef(local), untargeted.bound(), untargeted.lo(), untargeted.hi(),
					untargeted.cond()));
			return step(p, label(p), body, rest);
		}
		int rest = seq(stmts, i + 1, env, next, ctx);
		if (s instanceof LabelStmt l) {
			Integer id = ctx.labels().get(l.getName());
			if (id != null && placeholders.get(id) == l) {
				alias(id, rest, l);
			}
			return rest;
		}
		return stmt(s, env, rest, ctx);
	}

	/** Placeholder ids for the labels of a function body: a goto jumps to the id, the label aliases it. */
	private Map<String, Integer> labels(Callee body) {
		Map<String, Integer> ids = new HashMap<>();
		Labels.of(body.body(), scope.problems).forEach((name, stmt) -> {
			int id = nextId++;
			ids.put(name, id);
			placeholders.put(id, stmt);
		});
		return ids;
	}

	private void alias(int placeholder, int target, EObject at) {
		if (aliases.containsKey(placeholder)) {
			scope.problems.error(IssueCodes.BAD_JUMP, "a label inside a 'for' loop (which is unrolled) cannot be the"
					+ " target of a goto", at);
			return;
		}
		aliases.put(placeholder, target);
	}

	private int stmt(ptlock.lang.ptlock.Stmt s, Env env, int next, Ctx ctx) {
		switch (s) {
		case Block b:
			return seq(b.getStmts(), 0, env.child(), next, ctx);
		case ReturnStmt r: {
			if (r.getValue() == null) {
				return ctx.returnTo();
			}
			// 'return g(...);' of a multi-step g: g's result is this function's (a tail call)
			if (r.getValue() instanceof CallExpr c && Callee.of(scope.symbols, c.getName()) instanceof Callee g
					&& !g.atomic() && g.params().size() == c.getArgs().size()
					&& !scope.callStack.contains(g.name())) {
				return inline(g, c, ctx.resultTarget(), env, ctx.returnTo(),
						ctx.callSite() != null ? ctx.callSite() : r, ctx.callLabel() != null ? ctx.callLabel() : label(r),
						ctx.callFrames() != null ? ctx.callFrames() : frames());
			}
			List<Stmt> body = new ArrayList<>();
			Expr v = steps.exprs.lower(r.getValue(), env, body);
			if (ctx.resultTarget() == null) {
				// the caller does not use the value: only the primitives it calls matter
				return body.isEmpty() ? ctx.returnTo() : step(r, label(r), body, ctx.returnTo());
			}
			body.add(new Stmt.Assign(ctx.resultTarget(), v));
			// the value arrives in the caller: the step reads as the caller's line
			EObject at = ctx.callSite() != null ? ctx.callSite() : r;
			return step(at, ctx.callLabel() != null ? ctx.callLabel() : label(r), body, ctx.returnTo(),
					ctx.callFrames() != null ? ctx.callFrames() : frames());
		}
		case IfStmt f: {
			int thenEntry = stmt(f.getThen(), env.child(), next, ctx);
			int elseEntry = f.getElse() == null ? next : stmt(f.getElse(), env.child(), next, ctx);
			List<Stmt> body = new ArrayList<>();
			Expr c = steps.exprs.bool(f.getCond(), env, body);
			if (c instanceof Expr.BoolLit b && body.isEmpty()) {
				return b.value() ? thenEntry : elseEntry;
			}
			body.add(new Stmt.If(c, List.of(jump(thenEntry)), List.of(jump(elseEntry))));
			return stepNoJump(f, prefix() + "if (" + text(f.getCond()) + ")", body);
		}
		case WhileStmt w: {
			int head = nextId++;
			placeholders.put(head, w);
			int bodyEntry = stmt(w.getBody(), env.child(), head, ctx.loop(next, head));
			List<Stmt> body = new ArrayList<>();
			Expr c = steps.exprs.bool(w.getCond(), env, body);
			if (c instanceof Expr.BoolLit b && body.isEmpty()) {
				alias(head, b.value() ? bodyEntry : next, w);
				return b.value() ? bodyEntry : next;
			}
			body.add(new Stmt.If(c, List.of(jump(bodyEntry)), List.of(jump(next))));
			built.put(head, new Step(head, prefix() + "while (" + text(w.getCond()) + ")", Sources.of(w), body, frames()));
			return head;
		}
		case DoWhileStmt w: {
			int test = nextId++;
			placeholders.put(test, w);
			int bodyEntry = stmt(w.getBody(), env.child(), test, ctx.loop(next, test));
			List<Stmt> body = new ArrayList<>();
			Expr c = steps.exprs.bool(w.getCond(), env, body);
			if (c instanceof Expr.BoolLit b && body.isEmpty()) {
				// do { ... } while (0): the body once, no step for the test
				alias(test, b.value() ? bodyEntry : next, w);
				return bodyEntry;
			}
			body.add(new Stmt.If(c, List.of(jump(bodyEntry)), List.of(jump(next))));
			built.put(test, new Step(test, prefix() + "while (" + text(w.getCond()) + ")", Sources.of(w), body, frames()));
			return bodyEntry;
		}
		case ForStmt f: {
			Integer lo = scope.consts.eval(f.getLo());
			Integer hi = scope.consts.eval(f.getHi());
			int entry = next;
			if (lo != null && hi != null && Unrolling.tooLong(lo, hi)) {
				scope.problems.error(IssueCodes.TOO_BIG, Unrolling.message(lo, hi), f);
			} else if (lo != null && hi != null) {
				for (int k = hi; k >= lo; k--) {
					Env inner = env.child();
					inner.bind(f.getName(), new Expr.IntLit(k, TypeResolver.INT));
					// 'continue' goes on with the next iteration (built before this one: backwards)
					entry = stmt(f.getBody(), inner, entry, ctx.loop(next, entry));
				}
			}
			return entry;
		}
		case SwitchStmt w:
			return switchStmt(w, env, next, ctx);
		case GotoStmt g: {
			Integer id = ctx.labels().get(g.getLabel());
			if (id == null) {
				scope.problems.error(IssueCodes.UNKNOWN_LABEL, "no label '" + g.getLabel() + "' in this "
						+ scope.currentKind(), g);
				return next;
			}
			return id;
		}
		case BreakStmt b: {
			if (ctx.breakTo() == NONE) {
				scope.problems.error(IssueCodes.BAD_JUMP, "'break' outside a loop or switch", b);
				return next;
			}
			return ctx.breakTo();
		}
		case ContinueStmt c: {
			if (ctx.continueTo() == NONE) {
				scope.problems.error(IssueCodes.BAD_JUMP, "'continue' outside a loop", c);
				return next;
			}
			return ctx.continueTo();
		}
		case EitherStmt e: {
			List<List<Stmt>> branches = new ArrayList<>();
			for (Block b : e.getBranches()) {
				branches.add(List.of(jump(stmt(b, env.child(), next, ctx))));
			}
			return stepNoJump(e, prefix() + "either", new ArrayList<>(List.of(new Stmt.Either(branches))));
		}
		case AtomicStmt a: {
			scope.threadLevel = false;
			List<Stmt> body = steps.lowerAll(a.getBody().getStmts(), env.child(), StepLowering.Ret.NONE);
			scope.threadLevel = true;
			return step(a, a.getLabel() != null ? prefix() + a.getLabel() : label(a), body, next);
		}
		case SinceStmt x: {
			if (scope.applied(x.getPatch(), x)) {
				return stmt(x.getThen(), env.child(), next, ctx);
			}
			return x.getElse() == null ? next : stmt(x.getElse(), env.child(), next, ctx);
		}
		case ExprStmt x:
			return exprStmt(x, env, next);
		default:
			return step(s, label(s), steps.lowerAll(List.of(s), env, StepLowering.Ret.NONE), next);
		}
	}

	private int exprStmt(ExprStmt x, Env env, int next) {
		boolean plain = x.getAssign() == null || "=".equals(x.getAssign());
		CallExpr call = x.getStep() != null || !plain ? null
				: x.getValue() == null ? (x.getExpr() instanceof CallExpr c ? c : null)
						: (x.getValue() instanceof CallExpr c ? c : null);
		Callee callee = call == null ? null : Callee.of(scope.symbols, call.getName());
		// an atomic primitive is one step, labelled with the call's line
		if (callee == null || callee.atomic()) {
			return step(x, label(x), steps.exprStmt(x, env), next);
		}
		// a non-atomic primitive or a path: its statements become steps of this thread
		if (callee.params().size() != call.getArgs().size()) {
			scope.problems.error(IssueCodes.ARG_COUNT, "'" + callee.name() + "' takes " + callee.params().size()
					+ " argument(s), not " + call.getArgs().size(), call);
			return next;
		}
		if (scope.callStack.contains(callee.name())) {
			scope.problems.error(IssueCodes.RECURSIVE_CALL,
					"recursive call of '" + callee.name() + "' (calls are inlined: use a loop)", call);
			return next;
		}
		List<Stmt> pre = new ArrayList<>();
		Expr target = x.getValue() == null ? null : steps.exprs.lvalue(x.getExpr(), env, pre);
		if (target != null && callee.result() == null) {
			scope.problems.error(IssueCodes.NO_VALUE, "'" + callee.name() + "' does not return a value", call);
		}
		if (!pre.isEmpty()) {
			scope.problems.error(IssueCodes.NOT_CONSTANT, "the target of the multi-step '" + callee.name()
					+ "' must be a variable", call);
		}
		return inline(callee, call, target, env, next, x, label(x), frames());
	}

	/**
	 * Inlines a call of a path or multi-step primitive: its statements become steps of this thread; 'return e' in it
	 * stores e into target and goes on at next. The step delivering the result reads as the call (site, label).
	 */
	private int inline(Callee callee, CallExpr call, Expr target, Env env, int next, EObject site, String callLabel,
			List<Step.Frame> callFrames) {
		List<Stmt> pre = new ArrayList<>();
		Env calleeEnv = steps.bindArgs(callee, call, env, pre, false);
		if (!pre.isEmpty()) {
			scope.problems.error(IssueCodes.NOT_CONSTANT, "arguments of the multi-step '" + callee.name()
					+ "' must be variables or constants (they are passed by name)", call);
		}
		scope.callStack.push(callee.name());
		scope.enterBody(callee);
		scope.callSites.push(site);
		Ctx inner = new Ctx(next, target, site, callLabel, callFrames, labels(callee), NONE, NONE);
		inlined.push(new Step.Frame(callee.name(), callText(callee, call, calleeEnv), Sources.of(call)));
		try {
			return seq(callee.body().getStmts(), 0, calleeEnv, next, inner);
		} finally {
			inlined.pop();
			scope.callSites.pop();
			scope.leaveBody();
			scope.callStack.pop();
		}
	}

	/**
	 * switch (v): one step that tests v against the cases in order (none if v is a constant), each case running on
	 * into the next (C's fall-through) until a 'break', which goes to what follows the switch.
	 */
	private int switchStmt(SwitchStmt w, Env env, int next, Ctx ctx) {
		List<Integer> entries = new ArrayList<>();
		int after = next;
		for (int i = w.getCases().size() - 1; i >= 0; i--) {
			after = seq(w.getCases().get(i).getStmts(), 0, env.child(), after, ctx.switchBody(next));
			entries.add(0, after);
		}
		List<Stmt> body = new ArrayList<>();
		Expr v = steps.exprs.lower(w.getValue(), env, body);
		List<Expr> labels = new ArrayList<>();
		for (SwitchCase c : w.getCases()) {
			labels.add(c.isDefault() ? null : steps.caseLabel(c, v, env));
		}
		Integer chosen = Switches.constantCase(v, labels);
		if (chosen != null && body.isEmpty()) {
			return chosen < 0 ? next : entries.get(chosen);
		}
		int dflt = labels.indexOf(null);
		List<Stmt> dispatch = List.of(jump(dflt < 0 ? next : entries.get(dflt)));
		for (int i = labels.size() - 1; i >= 0; i--) {
			if (labels.get(i) != null) {
				Expr test = Folding.fold(new Expr.Binary(ptlock.ir.Op.EQ, v, labels.get(i), new Type.Bool()));
				dispatch = List.of(new Stmt.If(test, List.of(jump(entries.get(i))), dispatch));
			}
		}
		body.addAll(dispatch);
		return stepNoJump(w, prefix() + "switch (" + text(w.getValue()) + ")", body);
	}

	/** The values a pick bound can have: a literal's, or its type's when that is narrower than int. */
	private static Type.Range bounds(Expr e) {
		if (e instanceof Expr.IntLit i) {
			return new Type.Range(i.value(), i.value());
		}
		return e.type() instanceof Type.Range r && r.lo() != Integer.MIN_VALUE && r.hi() != Integer.MAX_VALUE ? r
				: null;
	}

	private Var newLocal(String name, Type type, boolean cpus) {
		int n = localNames.merge(name, 1, Integer::sum);
		String unique = scope.threadName + "_" + name + (n == 1 ? "" : "_" + n);
		Var v = new Var(unique, name, type, scope.threadName);
		locals.add(v);
		scope.views.put(unique, new ptlock.ir.VarView(cpus, List.of(), inlined.isEmpty() ? null
				: inlined.peek().callee()));
		return v;
	}

	private int step(EObject at, String label, List<Stmt> body, int next) {
		return step(at, label, body, next, frames());
	}

	/** A step with the frames it shows under (a call's result step reads as the call, among its caller's steps). */
	private int step(EObject at, String label, List<Stmt> body, int next, List<Step.Frame> frames) {
		List<Stmt> b = new ArrayList<>(body);
		b.add(jump(next));
		return stepNoJump(at, label, b, frames);
	}

	private int stepNoJump(EObject at, String label, List<Stmt> body) {
		return stepNoJump(at, label, body, frames());
	}

	private int stepNoJump(EObject at, String label, List<Stmt> body, List<Step.Frame> frames) {
		if (nextId > Unrolling.MAX_STEPS) {
			throw new Unrolling.TooManySteps(at);
		}
		int id = nextId++;
		built.put(id, new Step(id, label, Sources.of(at), body, frames));
		return id;
	}

	private static Stmt jump(int target) {
		return target == DONE ? new Stmt.Halt() : new Stmt.Goto(target);
	}

	/** Numbers reachable steps 1..n in depth-first order from the entry (the order a reader meets them). */
	private ThreadIr finish(String name, int index, boolean daemon, String path, int entry) {
		Map<Integer, Integer> order = new LinkedHashMap<>();
		Deque<Integer> todo = new ArrayDeque<>();
		int start = resolve(entry);
		if (start != DONE) {
			todo.push(start);
		}
		while (!todo.isEmpty()) {
			int id = todo.pop();
			if (order.containsKey(id)) {
				continue;
			}
			order.put(id, order.size() + 1);
			List<Integer> targets = new ArrayList<>();
			collectTargets(built.get(id).body(), targets);
			for (int k = targets.size() - 1; k >= 0; k--) {
				int t = resolve(targets.get(k));
				if (t != DONE && !order.containsKey(t)) {
					todo.push(t);
				}
			}
		}
		List<Step> out = new ArrayList<>();
		for (Map.Entry<Integer, Integer> e : order.entrySet()) {
			Step s = built.get(e.getKey());
			out.add(new Step(e.getValue(), s.label(), s.loc(), renumber(s.body(), order), s.frames()));
		}
		List<String> pcs = new ArrayList<>();
		for (Step s : out) {
			pcs.add("s" + s.id());
		}
		pcs.add("Done");
		Var pc = new Var("pc_" + name, "pc", new Type.Enum("pc_" + name, pcs), name);
		return new ThreadIr(index, name, path, daemon, pc, List.copyOf(locals), out,
				start == DONE ? 0 : order.get(start));
	}

	/** Follows aliases (labels, constant loop tests) to a real step; a cycle of them is a loop that runs no step. */
	private int resolve(int id) {
		int start = id;
		java.util.Set<Integer> seen = new java.util.HashSet<>();
		while (aliases.containsKey(id)) {
			if (!seen.add(id)) {
				if (reportedCycles.add(start)) {
					scope.problems.error(IssueCodes.LOOP_IN_ATOMIC, "this loop runs forever without a step",
							placeholders.getOrDefault(id, placeholders.get(start)));
				}
				return DONE;
			}
			id = aliases.get(id);
		}
		return id;
	}

	private final java.util.Set<Integer> reportedCycles = new java.util.HashSet<>();

	private static void collectTargets(List<Stmt> body, List<Integer> out) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Goto g -> out.add(g.step());
			case Stmt.If f -> {
				collectTargets(f.then(), out);
				collectTargets(f.otherwise(), out);
			}
			case Stmt.Either e -> e.branches().forEach(b -> collectTargets(b, out));
			default -> {
			}
			}
		}
	}

	private List<Stmt> renumber(List<Stmt> body, Map<Integer, Integer> order) {
		List<Stmt> out = new ArrayList<>();
		for (Stmt s : body) {
			out.add(switch (s) {
			case Stmt.Goto g -> {
				int t = resolve(g.step());
				yield t == DONE ? new Stmt.Halt() : new Stmt.Goto(order.get(t));
			}
			case Stmt.If f -> new Stmt.If(f.cond(), renumber(f.then(), order), renumber(f.otherwise(), order));
			case Stmt.Either e -> new Stmt.Either(e.branches().stream().map(b -> renumber(b, order)).toList());
			default -> s;
			});
		}
		return out;
	}

	private String label(EObject s) {
		if (inlined.isEmpty()) {
			return text(s);
		}
		List<String> outerFirst = new ArrayList<>(inlined.stream().map(Step.Frame::callee).toList());
		java.util.Collections.reverse(outerFirst);
		return String.join(": ", outerFirst) + ": " + text(s);
	}

	/** The calls being inlined, outermost first. */
	private List<Step.Frame> frames() {
		List<Step.Frame> outerFirst = new ArrayList<>(inlined);
		java.util.Collections.reverse(outerFirst);
		return List.copyOf(outerFirst);
	}

	/**
	 * The call as a race shows it: each argument as written, and where it is bound to a constant that it does not
	 * spell, with that value ("collapse_file(s = 1)").
	 */
	private static String callText(Callee callee, CallExpr call, Env calleeEnv) {
		List<String> args = new ArrayList<>();
		for (int k = 0; k < call.getArgs().size(); k++) {
			String written = text(call.getArgs().get(k));
			Expr bound = k < callee.params().size() ? calleeEnv.lookup(callee.params().get(k).getName()) : null;
			String value = switch (bound) {
			case Expr.IntLit i -> Integer.toString(i.value());
			case Expr.BoolLit b -> Boolean.toString(b.value());
			case Expr.EnumLit e -> e.literal();
			case null, default -> null;
			};
			args.add(value == null || value.equals(written) ? written : written + " = " + value);
		}
		return callee.name() + "(" + String.join(", ", args) + ")";
	}

	private String prefix() {
		String l = label(null);
		return l.isEmpty() ? "" : l;
	}

	static String text(EObject s) {
		if (s == null) {
			return "";
		}
		var node = NodeModelUtils.findActualNodeFor(s);
		return node == null ? "" : NodeModelUtils.getTokenText(node).replaceAll("\\s+", " ").strip();
	}

	static SourceLoc loc(EObject s) {
		return Sources.of(s);
	}
}
