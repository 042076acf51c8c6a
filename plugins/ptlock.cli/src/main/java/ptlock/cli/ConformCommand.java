package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.sim.Mutation;
import ptlock.sim.SimChecker;
import ptlock.tlc.TlcChecker;
import ptlock.tlc.TraceReplay;

/**
 * ptlock conform SPEC: the simulator and TLC must agree on every scenario: (a) the same number of distinct states,
 * (b) the same verdict for every property, (c) every counterexample of either is a behaviour of the other.
 */
final class ConformCommand {
	static final Set<String> FLAGS = Set.of("matrix");
	static final Set<String> VALUED = Set.of("scenario", "out", "heap");

	/** One scenario's comparison: a list of disagreements (empty: conformant). */
	record Report(Program program, long simStates, long tlcStates, List<String> disagreements) {
	}

	private final Mutation mutation;

	ConformCommand() {
		this(Mutation.NONE);
	}

	/** With a deliberately broken simulator: only the test that proves conformance catches it uses this. */
	ConformCommand(Mutation mutation) {
		this.mutation = mutation;
	}

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		List<Program> programs = a.flag("matrix") ? matrixCells(Specs.onlySpec(a, "conform"), err)
				: new Specs().programs(Specs.onlySpec(a, "conform"), a.value("scenario", null), err, false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(a)) {
			Path work = workDir.path();
			int heap = a.intValue("heap", 1024);
			ExitCode code = ExitCode.OK;
			for (Program p : programs) {
				Report r = compare(p, work, heap);
				out.printf("%-45s states sim %6d tlc %6d  %s%n", p.title() + (p.patch() == null ? "" : " after " + p.patch()),
						r.simStates(), r.tlcStates(),
						r.disagreements().isEmpty() ? "conformant" : "NOT CONFORMANT");
				for (String d : r.disagreements()) {
					out.println("    " + d);
				}
				if (!r.disagreements().isEmpty()) {
					code = ExitCode.NONCONFORMANT;
				}
			}
			return code;
		}
	}

	/** Every cell of the spec's series matrix (every prefix x every architecture x every scenario), lowered. */
	private static List<Program> matrixCells(Path file, PrintStream err) {
		ptlock.lang.load.LoadedSpec spec = new ptlock.lang.load.SpecLoader().withoutStaticRules().load(file);
		if (spec.hasErrors() || spec.main() == null) {
			spec.issues().forEach(err::println);
			return null;
		}
		List<String> patches = new ArrayList<>();
		List<String> archs = new ArrayList<>();
		for (org.eclipse.emf.ecore.EObject root : ptlock.lang.load.Includes.modelRoots(spec.models())) {
			if (root instanceof ptlock.model.series.Series s) {
				s.getPatches().forEach(x -> patches.add(x.getName()));
			} else if (root instanceof ptlock.model.series.Architecture ar) {
				archs.add(ar.getName());
			}
		}
		List<Program> out = new ArrayList<>();
		java.util.Set<Program> seen = new java.util.HashSet<>();
		for (int k = 0; k <= patches.size(); k++) {
			java.util.Set<String> applied = new java.util.LinkedHashSet<>(patches.subList(0, k));
			String level = k == 0 ? "none" : patches.get(k - 1);
			for (String arch : archs) {
				for (ptlock.lang.ptlock.Scenario s : spec.scenarios()) {
					ptlock.lang.lower.Lowering.Result r = new ptlock.lang.lower.Lowering().lowerCell(spec.models(), s,
							arch, applied, level);
					if (!r.ok()) {
						return null;
					}
					// cells with the same lowered model (ptlock matrix checks those once too) are compared once
					if (seen.add(ptlock.lang.matrix.Matrix.cellFree(r.program()))) {
						out.add(r.program());
					}
				}
			}
		}
		return out;
	}

	Report compare(Program p, Path work) {
		return compare(p, work, 1024);
	}

	/** @param heapMb TLC's heap (the four-thread seed scenarios with an RCU daemon need about 4000) */
	Report compare(Program p, Path work, int heapMb) {
		CheckOptions options = new CheckOptions(work, 1, heapMb, 0, new AtomicBoolean(), ProgressListener.NONE);
		SimChecker sim = new SimChecker(mutation);
		TlcChecker tlc = new TlcChecker();
		List<String> problems = new ArrayList<>();
		long simStates = sim.countStates(p);
		long tlcStates = tlc.countStates(p, options);
		if (simStates != tlcStates) {
			problems.add("distinct states differ: sim " + simStates + ", tlc " + tlcStates);
		}
		CheckResult s = sim.check(p, options);
		CheckResult t = tlc.check(p, options);
		problems.addAll(Conformance.differences(s, t));
		TraceReplay replay = new TraceReplay();
		for (PropertyResult pr : s.properties()) {
			if (pr.trace() != null && !replay.replays(p, pr.trace(), options)) {
				problems.add("the simulator's counterexample for " + pr.property() + " is not a behaviour of the TLA+ spec");
			}
		}
		for (PropertyResult pr : t.properties()) {
			if (pr.trace() != null && !sim.replays(p, pr.trace())) {
				problems.add("TLC's counterexample for " + pr.property() + " is not a behaviour of the simulator");
			}
		}
		return new Report(p, simStates, tlcStates, problems);
	}
}
