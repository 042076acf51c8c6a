package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ptlock.ir.Expr;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.ir.Verdict;
import ptlock.lang.ptlock.AtPatch;
import ptlock.lang.ptlock.Expectation;
import ptlock.lang.ptlock.InitBlock;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.ptlock.OnArchs;
import ptlock.model.series.Architecture;
import ptlock.model.series.Patch;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.ScenarioMember;
import ptlock.lang.ptlock.SetConst;
import ptlock.lang.ptlock.ThreadDecl;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.validation.IssueCodes;

/** Lowers one scenario of a spec (and everything it includes) to the IR. The entry point of this package. */
public final class Lowering {

	/** The result: the program, or the errors; warnings in both cases. */
	public record Result(Program program, List<Diagnostic> diagnostics) {
		public boolean ok() {
			return program != null;
		}
	}

	/**
	 * Lowers a scenario once per architecture it runs on (once if it names none).
	 *
	 * @param models the spec and every model it includes, the spec first
	 */
	public List<Result> lower(List<Model> models, Scenario scenario) {
		return lower(models, scenario, null, null, null);
	}

	/**
	 * Lowers a scenario for one cell of a patch x architecture matrix: exactly the given patches applied (whatever
	 * the scenario's 'at' says), on the given architecture (whatever its 'on' says).
	 *
	 * @param level how reports name the patch level, e.g. "p05" (the last patch applied) or "none"
	 */
	public Result lowerCell(List<Model> models, Scenario scenario, String arch, java.util.Set<String> applied,
			String level) {
		return lower(models, scenario, List.of(arch), applied, level).get(0);
	}

	private List<Result> lower(List<Model> models, Scenario scenario, List<String> archOverride,
			java.util.Set<String> applied, String level) {
		List<String> archs = new ArrayList<>();
		if (archOverride != null) {
			archs.addAll(archOverride);
		} else {
			scenario.getMembers().stream().filter(OnArchs.class::isInstance)
					.forEach(m -> ((OnArchs) m).getArchs().stream().filter(a -> !a.eIsProxy())
							.forEach(a -> archs.add(a.getName())));
		}
		if (archs.isEmpty()) {
			archs.add(null);
		}
		List<Result> out = new ArrayList<>();
		for (String arch : archs) {
			Problems problems = new Problems();
			SymbolTable symbols = SymbolTable.of(models, problems);
			Program p = lower(symbols, scenario, arch, problems, applied, level);
			out.add(new Result(problems.hasErrors() ? null : p, problems.all()));
		}
		return out;
	}

	private Program lower(SymbolTable symbols, Scenario scenario, String archName, Problems problems,
			java.util.Set<String> cellPatches, String cellLevel) {
		java.util.Set<String> applied = cellPatches;
		String level = cellLevel;
		List<ThreadDecl> threadDecls = new ArrayList<>();
		Map<String, Integer> overrides = new HashMap<>();
		List<Expectation> expectations = new ArrayList<>();
		Patch at = null;
		if (archName != null) {
			Architecture arch = symbols.archs.get(archName);
			if (arch == null) {
				problems.error(IssueCodes.UNKNOWN_ARCH, "unknown architecture '" + archName + "'", scenario);
			} else {
				ArchConstants.of(arch).forEach((name, value) -> {
					if (symbols.consts.containsKey(name)) {
						overrides.put(name, value);
					}
				});
			}
		}
		for (ScenarioMember m : scenario.getMembers()) {
			switch (m) {
			case ThreadDecl t -> threadDecls.add(t);
			case Expectation e -> expectations.add(e);
			case SetConst c -> override(symbols, problems, overrides, c.getName(), c.getValue(), c);
			case AtPatch a -> {
				// an unresolved name is reported by the linker (IssueCodes.UNKNOWN_PATCH)
				at = a.getPatch() == null || a.getPatch().eIsProxy() ? null : a.getPatch();
				if (at != null && !a.getWithout().isEmpty() && cellPatches == null) {
					// 'at pNN without pMM, ...': the prefix up to pNN, less the patches named
					applied = new java.util.LinkedHashSet<>();
					for (Patch p : ((ptlock.model.series.Series) at.eContainer()).getPatches()) {
						applied.add(p.getName());
						if (p == at) {
							break;
						}
					}
					List<String> out = a.getWithout().stream().filter(p -> !p.eIsProxy()).map(Patch::getName).toList();
					applied.removeAll(out);
					level = at.getName() + " without " + String.join(", ", out);
				}
			}
			case OnArchs o -> {
				// handled by the caller: one lowering per architecture
			}
			case ptlock.lang.ptlock.Ignore i -> {
				// collected with the spec's own below
			}
			default -> throw new IllegalStateException(String.valueOf(m));
			}
		}
		if (threadDecls.isEmpty()) {
			problems.error(IssueCodes.NO_THREADS, "scenario '" + scenario.getName() + "' runs no thread", scenario);
		}
		int nthreads = threadDecls.size();
		Patch atPatch = at;
		java.util.Set<String> appliedSet = applied;
		ConstEvaluator consts = new ConstEvaluator(symbols, problems, overrides, nthreads,
				p -> Scope.applied(p, atPatch, appliedSet));
		TypeResolver types = new TypeResolver(symbols, consts, problems, nthreads);

		Map<String, Var> globals = new LinkedHashMap<>();
		for (VarDecl v : symbols.globals.values()) {
			globals.put(v.getName(), new Var(v.getName(), v.getName(), types.resolve(v.getType()), null));
		}
		Scope scope = new Scope(symbols, problems, consts, types, globals, nthreads);
		scope.views.putAll(ElementNames.views(symbols, globals, scope,
				threadDecls.stream().map(ThreadDecl::getName).toList()));
		ThreadShapes shapes = new ThreadShapes(symbols);
		for (VarDecl v : symbols.globals.values()) {
			ptlock.ir.ThreadShape shape = shapes.of(v.getType());
			if (shape.hasThreads()) {
				scope.shapes.put(v.getName(), shape);
			}
		}
		scope.at = at;
		scope.appliedPatches = applied;
		StepLowering steps = new StepLowering(scope);

		List<Stmt> init = new ArrayList<>();
		Env root = new Env(null);
		for (VarDecl v : symbols.globals.values()) {
			if (v.getInit() != null) {
				List<Stmt> pre = new ArrayList<>();
				Expr value = steps.exprs.lower(v.getInit(), root, pre);
				Var g = globals.get(v.getName());
				init.addAll(pre);
				broadcast(new Expr.VarRef(g), g.type(), value, init, steps, v);
			}
		}
		for (InitBlock b : symbols.inits) {
			init.addAll(steps.lowerAll(b.getBody().getStmts(), root, StepLowering.Ret.NONE));
		}
		if (containsChoice(init)) {
			problems.error(IssueCodes.NONDETERMINISTIC_INIT, "initial values must be deterministic",
					symbols.inits.isEmpty() ? scenario : symbols.inits.get(0));
		}

		List<ThreadIr> threads = new ArrayList<>();
		Set<String> threadNames = new HashSet<>();
		for (int i = 0; i < threadDecls.size(); i++) {
			ThreadDecl t = threadDecls.get(i);
			if (!threadNames.add(t.getName())) {
				problems.error(IssueCodes.DUPLICATE_NAME, "two threads named '" + t.getName() + "'", t);
			}
			Callee path = Callee.of(symbols, t.getPath());
			if (path == null) {
				problems.unknown(IssueCodes.UNKNOWN_PRIMITIVE, "unknown path '" + t.getPath() + "'", t.getPath(), t);
				continue;
			}
			if (path.params().size() != t.getArgs().size()) {
				problems.error(IssueCodes.ARG_COUNT, "'" + path.name() + "' takes " + path.params().size()
						+ " argument(s), not " + t.getArgs().size(), t);
				continue;
			}
			Env env = new Env(null);
			scope.threadIndex = 0;
			for (int k = 0; k < path.params().size(); k++) {
				List<Stmt> pre = new ArrayList<>();
				env.bind(path.params().get(k).getName(), steps.exprs.lower(t.getArgs().get(k), root, pre));
				if (!pre.isEmpty()) {
					problems.error(IssueCodes.NOT_CONSTANT, "thread arguments must be constants", t.getArgs().get(k));
				}
			}
			String pathText = t.getPath() + "(" + String.join(", ",
					t.getArgs().stream().map(ThreadLowering::text).toList()) + ")";
			try {
				threads.add(new ThreadLowering(scope, steps).lower(t.getName(), pathText, i + 1, t.isDaemon(), path,
						env));
			} catch (Unrolling.TooManySteps e) {
				problems.error(IssueCodes.TOO_BIG, "thread '" + t.getName() + "' unrolls to more than "
						+ Unrolling.MAX_STEPS + " steps (here): smaller loop bounds or fewer calls", e.at());
				continue;
			}
		}

		List<Property> properties = new ArrayList<>();
		for (ptlock.lang.ptlock.Property p : symbols.properties.values()) {
			properties.add(new Property(p.getName(), Property.Kind.ASSERTION, p.getDoc(), null, Sources.of(p)));
		}
		for (Invariant inv : symbols.invariants.values()) {
			scope.threadIndex = 0;
			List<Stmt> pre = new ArrayList<>();
			Expr cond = steps.exprs.bool(inv.getCond(), root, pre);
			if (!pre.isEmpty()) {
				problems.error(IssueCodes.NOT_CONSTANT, "an invariant cannot call primitives", inv);
			}
			properties.add(new Property(inv.getName(), Property.Kind.INVARIANT, inv.getDoc(), cond, Sources.of(inv)));
		}
		properties.add(new Property(Property.NO_DEADLOCK, Property.Kind.DEADLOCK,
				"Every thread that must finish can finish: no thread waits forever", null, Sources.of(scenario)));
		Map<String, String> ignored = ignored(symbols, scenario, properties, problems);
		properties.removeIf(p -> ignored.containsKey(p.name()));

		Map<String, Verdict> expected = new LinkedHashMap<>();
		Verdict others = null;
		for (Expectation e : expectations) {
			Verdict v = e.getVerdict() == ptlock.lang.ptlock.Verdict.HOLDS ? Verdict.HOLDS : Verdict.VIOLATED;
			if (e.isOthers()) {
				others = v;
				continue;
			}
			if (ignored.containsKey(e.getProperty())) {
				problems.error(IssueCodes.IGNORED_PROPERTY, "'" + e.getProperty() + "' is ignored here ("
						+ ignored.get(e.getProperty()) + "): it gets no verdict to expect", e);
				continue;
			}
			if (properties.stream().noneMatch(p -> p.name().equals(e.getProperty()))) {
				problems.error(IssueCodes.UNKNOWN_PROPERTY, "unknown property '" + e.getProperty() + "'", e);
				continue;
			}
			expected.put(e.getProperty(), v);
		}
		for (Property p : properties) {
			if (!expected.containsKey(p.name()) && others != null) {
				expected.put(p.name(), others);
			}
			if (!expected.containsKey(p.name())) {
				problems.warning(IssueCodes.MISSING_EXPECTATION, "scenario '" + scenario.getName()
						+ "' does not say whether '" + p.name() + "' holds or is violated", scenario);
			}
		}
		String spec = ((Model) scenario.eContainer()).getName();
		if (spec == null) {
			String file = Sources.fileName(scenario);
			spec = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ptl$", "");
		}
		String patchLevel = applied != null ? level : at == null ? null : at.getName();
		// the places where the model may have no value become checks both engines run (docs/LANGUAGE.md)
		return ptlock.ir.ModelChecks.instrument(new Program(spec, scenario.getName(), archName, patchLevel,
				scenario.getDoc(), Sources.of(scenario),
				List.copyOf(globals.values()), init, threads, properties, expected, ignored,
				java.util.Collections.unmodifiableMap(scope.views), java.util.Collections.unmodifiableMap(scope.shapes)));
	}

	/** The properties the spec (top level) and the scenario leave out, with their reasons. */
	private static Map<String, String> ignored(SymbolTable symbols, Scenario scenario, List<Property> properties,
			Problems problems) {
		List<ptlock.lang.ptlock.Ignore> all = new ArrayList<>(symbols.ignores);
		scenario.getMembers().stream().filter(ptlock.lang.ptlock.Ignore.class::isInstance)
				.forEach(m -> all.add((ptlock.lang.ptlock.Ignore) m));
		Map<String, String> out = new LinkedHashMap<>();
		for (ptlock.lang.ptlock.Ignore i : all) {
			if (properties.stream().noneMatch(p -> p.name().equals(i.getProperty()))) {
				problems.error(IssueCodes.UNKNOWN_PROPERTY, "unknown property '" + i.getProperty() + "'", i);
				continue;
			}
			out.putIfAbsent(i.getProperty(), i.getReason());
		}
		return out;
	}

	/** A path lowered alone, for the static rules: its thread, and problems (which are not the rules' business). */
	public record PathResult(ThreadIr thread, List<Diagnostic> diagnostics) {
	}

	/**
	 * Lowers one path as a thread of its own, for the static rules of a file that no scenario covers: its
	 * parameters are locals whose values are unknown (integers, true when not 0), the architecture is the
	 * prelude's default, and exactly the given patches are applied. Two CPUs are assumed (for 'thread' types).
	 */
	public PathResult lowerPath(List<Model> models, ptlock.lang.ptlock.Path path, java.util.Set<String> applied) {
		Problems problems = new Problems();
		SymbolTable symbols = SymbolTable.of(models, problems);
		int nthreads = 2;
		// a library's parameters that nothing here defines get a small value: two slots, tables, pages...
		Map<String, Integer> parameters = new HashMap<>();
		symbols.consts.forEach((name, c) -> {
			if (c.getValue() == null) {
				parameters.put(name, 2);
			}
		});
		ConstEvaluator consts = new ConstEvaluator(symbols, problems, parameters, nthreads,
				p -> Scope.applied(p, null, applied));
		TypeResolver types = new TypeResolver(symbols, consts, problems, nthreads);
		Map<String, Var> globals = new LinkedHashMap<>();
		for (VarDecl v : symbols.globals.values()) {
			globals.put(v.getName(), new Var(v.getName(), v.getName(), types.resolve(v.getType()), null));
		}
		Scope scope = new Scope(symbols, problems, consts, types, globals, nthreads);
		scope.appliedPatches = applied;
		StepLowering steps = new StepLowering(scope);
		Callee callee = Callee.of(symbols, path.getName());
		Env env = new Env(null);
		String thread = "cpu";
		for (ptlock.lang.ptlock.Param p : callee.params()) {
			env.bind(p.getName(), new Expr.VarRef(new Var(thread + "_arg_" + p.getName(), p.getName(),
					TypeResolver.INT, thread)));
		}
		ThreadIr t = new ThreadLowering(scope, steps).lower(thread, path.getName(), 1, false, callee, env);
		return new PathResult(t, problems.all());
	}

	private static void override(SymbolTable symbols, Problems problems, Map<String, Integer> overrides, String name,
			ptlock.lang.ptlock.Expr value, org.eclipse.emf.ecore.EObject at) {
		Integer v = new ConstEvaluator(symbols, problems, Map.of(), 0).eval(value);
		if (!symbols.consts.containsKey(name)) {
			problems.error(IssueCodes.UNKNOWN_NAME, "'" + name + "' is not a constant", at);
		} else if (v != null) {
			overrides.put(name, v);
		}
	}

	/** x = v, or, for an array x and a scalar v, every element of x = v. */
	private static void broadcast(Expr target, Type t, Expr value, List<Stmt> out, StepLowering steps,
			VarDecl at) {
		if (t instanceof Type.Array a && !(value.type() instanceof Type.Array)) {
			for (int i = 1; i <= a.size(); i++) {
				broadcast(new Expr.Index(target, new Expr.IntLit(i, TypeResolver.INT), a.elem()), a.elem(), value,
						out, steps, at);
			}
			return;
		}
		steps.exprs.expectCompatible(t, value.type(), at);
		out.add(new Stmt.Assign(target, value));
	}

	private static boolean containsChoice(List<Stmt> stmts) {
		for (Stmt s : stmts) {
			if (s instanceof Stmt.Either || s instanceof Stmt.Pick || s instanceof Stmt.Await) {
				return true;
			}
			if (s instanceof Stmt.If f && (containsChoice(f.then()) || containsChoice(f.otherwise()))) {
				return true;
			}
		}
		return false;
	}
}
