package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import java.util.concurrent.atomic.AtomicBoolean;

import ptlock.check.CheckOptions;
import ptlock.check.ProgressListener;
import ptlock.lang.matrix.Matrix;
import ptlock.service.CheckService;
import ptlock.model.series.Series;
import ptlock.report.Json;

/**
 * ptlock matrix SPEC: every prefix of the series (in its order, or --order) x every architecture, every scenario
 * of the spec checked with the simulator; printed as a table, and written as JSON and HTML on request.
 */
@Command(name = "matrix", sortOptions = false, description = "Every prefix of the spec's series x every architecture:"
		+ " which properties hold in each cell (the simulator checks every scenario there).")
final class MatrixCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl")
	Path file;
	@Option(names = "--order", paramLabel = "p01,p02,...", split = ",",
			description = "the order to apply the patches in (default: the series' own)")
	List<String> orderOption;
	@Option(names = "--archs", paramLabel = "a,b", split = ",", description = "only these architectures")
	List<String> archsOption;
	@Option(names = "--json", paramLabel = "FILE", description = "also write the matrix as JSON (docs/JSON.md)")
	Path jsonFile;
	@Option(names = "--html", paramLabel = "FILE", description = "also write it as an HTML page")
	Path htmlFile;
	@Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML: one test case per cell, failing"
			+ " when a scenario there has a violation it does not expect")
	Path junitFile;
	@Option(names = "--out", paramLabel = "DIR", description = "keep the checkers' files in DIR")
	Path outDir;
	@Option(names = "--quiet", description = "no progress")
	boolean quiet;

	MatrixCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws UsageException, IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		LoadedSpec spec = io.loaders().get().withoutStaticRules().load(file);
		spec.issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).forEach(err::println);
		if (spec.hasErrors() || spec.main() == null) {
			return ExitCode.SPEC_ERROR;
		}
		List<Series> series = Matrix.series(spec.models());
		List<String> allArchs = Matrix.architectures(spec.models());
		if (series.size() != 1) {
			err.println(file + ":1:1: error: the matrix needs exactly one series in the spec and its includes (found "
					+ series.size() + ") [ptlock.no-series]");
			return ExitCode.SPEC_ERROR;
		}
		List<String> patches = Matrix.patches(series.get(0));
		List<String> order = orderOption == null ? patches : clean(orderOption);
		if (order.size() != patches.size() || !new HashSet<>(order).equals(new HashSet<>(patches))) {
			throw new UsageException("--order must list each patch of " + series.get(0).getName() + " once: "
					+ String.join(",", patches));
		}
		List<String> archs = archsOption == null ? allArchs : clean(archsOption);
		for (String ar : archs) {
			if (!allArchs.contains(ar)) {
				throw new UsageException("unknown architecture '" + ar + "' (known: " + String.join(",", allArchs) + ")");
			}
		}
		if (archs.isEmpty() || spec.scenarios().isEmpty()) {
			err.println(file + ":1:1: error: the matrix needs architectures and scenarios [ptlock.no-scenario]");
			return ExitCode.SPEC_ERROR;
		}
		try (WorkDir workDir = WorkDir.of(outDir)) {
			Path work = workDir.path();
			CheckOptions options = new CheckOptions(work, 1, 1024, 0, new AtomicBoolean(), ProgressListener.NONE);
			long start = System.nanoTime();
			Matrix.Progress progress = quiet ? (done, total, level, arch) -> {
			} : (done, total, level, arch) -> err.printf("  [matrix] %d/%d cells (%s on %s), %d left, %.1f cells/s%n",
					done, total, level, arch, total - done, done / Math.max((System.nanoTime() - start) / 1e9, 1e-3));
			Matrix m = CheckService.matrix(spec, order, archs, options, progress, () -> false);
			String name = spec.main().getName() == null ? file.toString() : spec.main().getName();
			out.println("series " + series.get(0).getName() + " (" + String.join(" ", order) + ") x architectures: "
					+ name);
			out.print(MatrixReport.text(m));
			out.printf("%d cells, %d distinct models checked (cells whose lowered model is the same share a check), %.1f s%n",
					m.rows.size() * archs.size(), m.modelsChecked, (System.nanoTime() - start) / 1e9);
			out.println("abbreviations: each violated property by the initials of its words (no_use_after_free: nuaf)");
			out.println("what each patch changes in the model:");
			m.changes.forEach((p, c) -> out.println("  " + p + ": " + (c.isEmpty() ? "-" : String.join("; ", c))));
			if (jsonFile != null) {
				AtomicFile.write(jsonFile, Json.write(MatrixReport.json(m, name)) + "\n");
			}
			if (htmlFile != null) {
				AtomicFile.write(htmlFile, MatrixReport.html(m, name));
			}
			if (junitFile != null) {
				AtomicFile.write(junitFile, ptlock.report.junit.JunitXml.toXml(MatrixJunit.suites(m, name)));
			}
			return ExitCode.OK;
		}
	}

	private static List<String> clean(List<String> names) {
		return names.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
	}
}
