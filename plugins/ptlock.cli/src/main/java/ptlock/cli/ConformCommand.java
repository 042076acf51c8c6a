package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.ir.Program;
import ptlock.sim.Mutation;

/**
 * ptlock conform SPEC: the simulator and TLC must agree on every scenario: (a) the same number of distinct states,
 * (b) the same verdict for every property, (c) every counterexample of either is a behaviour of the other.
 */
@Command(name = "conform", description = "Compare the simulator with TLC on each scenario: the same distinct states,"
		+ " the same verdicts, and each engine's counterexamples are behaviours of the other.")
final class ConformCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl")
	Path file;
	@Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario")
	String scenario;
	@Option(names = "--matrix", description = "every cell of the spec's series matrix instead")
	boolean matrix;
	@Option(names = "--out", paramLabel = "DIR", description = "keep TLC's files in DIR")
	Path outDir;
	@Option(names = "--heap", paramLabel = "MB", defaultValue = "1024", converter = Count.class,
			description = "TLC's heap in MB (default ${DEFAULT-VALUE})")
	int heap;
	@Option(names = "--symmetry", description = "also search with symmetry reduction (check --symmetry): the same"
			+ " verdicts as the full search, and how many fewer states")
	boolean symmetry;

	private final EngineComparison comparison;

	ConformCommand(Io io) {
		this(io, Mutation.NONE);
	}

	/** With a deliberately broken simulator: only the test that proves conformance catches it uses this. */
	ConformCommand(Io io, Mutation mutation) {
		super(io);
		this.comparison = new EngineComparison(mutation);
	}

	@Override
	ExitCode run() throws IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		List<Program> programs = matrix ? matrixCells(file, err) : new Specs(io).programs(file, scenario, err, false);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(outDir)) {
			Path work = workDir.path();
			ExitCode code = ExitCode.OK;
			for (Program p : programs) {
				EngineComparison.Report r = comparison.compare(p, work, heap);
				List<String> disagreements = new java.util.ArrayList<>(r.disagreements());
				SymmetryComparison.Report reduced = symmetry ? new SymmetryComparison().compare(p, work) : null;
				if (reduced != null) {
					disagreements.addAll(reduced.disagreements());
				}
				out.printf("%-45s states sim %6d tlc %6d  %s%n", p.title() + (p.patch() == null ? "" : " after " + p.patch()),
						r.simStates(), r.tlcStates(), disagreements.isEmpty() ? "conformant" : "NOT CONFORMANT");
				if (reduced != null) {
					out.println("    " + reduced.line());
				}
				for (String d : disagreements) {
					out.println("    " + d);
				}
				if (!disagreements.isEmpty()) {
					code = ExitCode.NONCONFORMANT;
				}
			}
			return code;
		}
	}

	/** Every cell of the spec's series matrix (every prefix x every architecture x every scenario), lowered. */
	private List<Program> matrixCells(Path file, PrintStream err) {
		ptlock.lang.load.LoadedSpec spec = io.loaders().get().withoutStaticRules().load(file);
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
}
