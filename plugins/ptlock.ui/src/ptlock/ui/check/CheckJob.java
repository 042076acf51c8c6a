package ptlock.ui.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.ProgressListener;
import ptlock.ir.Program;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.lower.Lowering;
import ptlock.lang.matrix.Matrix;
import ptlock.lang.ptlock.Scenario;
import ptlock.model.series.Series;
import ptlock.report.ResultText;
import ptlock.sim.SimChecker;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.check.CheckRun.Outcome;

/**
 * A check run from Eclipse (Run As > ptlock check, or the matrix): every scenario of a spec (or one), or the verdict
 * matrix of its series. Progress goes to the progress view (states, queue, rate; cells of the matrix), the text to
 * the ptlock console, the results to the views and violation markers. Cancelling sets the checkers' cancel flag:
 * the simulator stops, and TLC's JVM is killed (TlcProcess), so no process outlives the job; the TLC work folder
 * is a temporary one, deleted at the end, so nothing half-written is left.
 */
public final class CheckJob extends Job {
	/** The job family, to find or wait for checks. */
	public static final Object FAMILY = CheckJob.class;

	/** What to check. @param scenario one scenario's name, or null for all; @param matrix the series matrix. */
	public record Request(Path spec, String scenario, boolean matrix, CheckSettings settings) {
	}

	private final Request request;

	public CheckJob(Request request) {
		super((request.matrix() ? "ptlock matrix " : "ptlock check ") + request.spec().getFileName()
				+ (request.scenario() == null ? "" : " (" + request.scenario() + ")"));
		this.request = request;
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		AtomicBoolean cancel = new AtomicBoolean();
		AtomicBoolean finished = new AtomicBoolean();
		// the checkers poll a flag, not a monitor: relay the progress monitor's cancel to it
		Thread relay = new Thread(() -> {
			while (!finished.get()) {
				if (monitor.isCanceled()) {
					cancel.set(true);
				}
				try {
					Thread.sleep(50);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "ptlock-cancel-relay");
		relay.setDaemon(true);
		relay.start();
		Path work = null;
		try {
			work = Files.createTempDirectory("ptlock-check");
			CheckRun run = request.matrix() ? matrix(monitor, cancel, work) : check(monitor, cancel, work);
			PtlockUiPlugin.services().runs().publish(run);
			if (run.outcome() != Outcome.SPEC_ERROR && run.outcome() != Outcome.CANCELLED) {
				ViolationMarkers.update(run.results());
			}
			PtlockConsole.print(run.message() + "\n");
			return run.outcome() == Outcome.CANCELLED ? Status.CANCEL_STATUS : Status.OK_STATUS;
		} catch (IOException | CoreException e) {
			return Status.error("ptlock check failed: " + e.getMessage(), e);
		} finally {
			finished.set(true);
			delete(work);
			monitor.done();
		}
	}

	private LoadedSpec load() {
		// verdicts need the errors only: the editor shows the static rules' warnings
		LoadedSpec spec = PtlockUiPlugin.services().loader().withoutStaticRules().load(request.spec());
		if (spec.hasErrors() || spec.main() == null) {
			StringBuilder sb = new StringBuilder();
			spec.issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).forEach(i -> sb.append(i).append('\n'));
			PtlockConsole.print(sb.toString());
			return null;
		}
		return spec;
	}

	private CheckRun check(IProgressMonitor monitor, AtomicBoolean cancel, Path work) {
		LoadedSpec spec = load();
		if (spec == null) {
			return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR,
					"the spec has errors: see the Problems view");
		}
		List<Program> programs = new ArrayList<>();
		for (Scenario s : spec.scenarios()) {
			if (request.scenario() == null || request.scenario().equals(s.getName())) {
				for (Lowering.Result r : new Lowering().lower(spec.models(), s)) {
					if (!r.ok()) {
						return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR,
								"scenario " + s.getName() + " cannot be lowered: " + r.diagnostics());
					}
					programs.add(r.program());
				}
			}
		}
		if (programs.isEmpty()) {
			return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR,
					request.scenario() == null ? "the spec has no scenario" : "no scenario " + request.scenario());
		}
		CheckSettings set = request.settings();
		SubMonitor sub = SubMonitor.convert(monitor, getName(), programs.size());
		List<CheckResult> results = new ArrayList<>();
		Outcome outcome = Outcome.AS_EXPECTED;
		for (Program p : programs) {
			if (cancel.get()) {
				outcome = Outcome.CANCELLED;
				break;
			}
			sub.subTask(p.title());
			CheckOptions options = new CheckOptions(work, set.workers(), set.heapMb(), set.timeLimitSeconds(), cancel,
					progress(sub, p.title()));
			List<CheckResult> byEngine = Engines.check(set.engine(), p, options);
			for (CheckResult r : byEngine) {
				results.add(r);
				PtlockConsole.print(text(r));
				outcome = worse(outcome, outcome(r));
			}
			// with both engines each confirms the other: a disagreement is a checker failure, as in the CLI
			if (byEngine.size() == 2 && !Engines.sameVerdicts(byEngine.get(0), byEngine.get(1))) {
				PtlockConsole.print("ptlock: the simulator and TLC disagree on " + p.title() + "\n");
				outcome = worse(outcome, Outcome.CHECKER_FAILURE);
			}
			sub.worked(1);
		}
		long unexpected = results.stream().flatMap(r -> r.properties().stream()).filter(x -> !x.asExpected()).count();
		String msg = results.size() + " scenario run(s), " + unexpected + " unexpected verdict(s): "
				+ outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return new CheckRun(request.spec(), results, null, outcome, msg);
	}

	private CheckRun matrix(IProgressMonitor monitor, AtomicBoolean cancel, Path work) {
		LoadedSpec spec = load();
		if (spec == null) {
			return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR,
					"the spec has errors: see the Problems view");
		}
		List<Series> series = Matrix.series(spec.models());
		List<String> archs = Matrix.architectures(spec.models());
		if (series.size() != 1 || archs.isEmpty() || spec.scenarios().isEmpty()) {
			return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR,
					"the matrix needs exactly one series, architectures and scenarios (found " + series.size()
							+ " series, " + archs.size() + " architectures)");
		}
		List<String> order = Matrix.patches(series.get(0));
		int total = (order.size() + 1) * archs.size();
		SubMonitor sub = SubMonitor.convert(monitor, getName(), total);
		CheckOptions options = new CheckOptions(work, 1, 1024,
				request.settings().timeLimitSeconds(), cancel, ProgressListener.NONE);
		long start = System.nanoTime();
		Matrix m = Matrix.compute(spec.models(), spec.scenarios(), order, archs,
				p -> new SimChecker().check(p, options), (done, all, level, arch) -> {
					double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
					sub.subTask(String.format("%d/%d cells (%s on %s), %d left, %.1f cells/s", done, all, level, arch,
							all - done, done / secs));
					sub.worked(1);
				}, cancel::get);
		if (cancel.get()) {
			return new CheckRun(request.spec(), List.of(), m, Outcome.CANCELLED, "matrix cancelled after "
					+ m.rows.size() + " of " + (order.size() + 1) + " rows");
		}
		long red = m.cells.values().stream().flatMap(r -> r.values().stream()).filter(c -> !c.holds()).count();
		return new CheckRun(request.spec(), List.of(), m, Outcome.AS_EXPECTED,
				"matrix of " + series.get(0).getName() + ": " + total + " cells, " + red + " with a violation");
	}

	private static ProgressListener progress(SubMonitor sub, String title) {
		return new ProgressListener() {
			@Override
			public void progress(String scenario, long distinct, long queue, long rate) {
				sub.subTask(String.format("%s: %,d distinct states, %,d on queue, %,d states/min", title, distinct,
						queue, rate));
			}

			@Override
			public void message(String text) {
				PtlockConsole.print("  " + text + "\n");
			}
		};
	}

	private static String text(CheckResult r) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			new ResultText().print(r, out);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static Outcome outcome(CheckResult r) {
		return switch (r.status()) {
		case FAILED -> Outcome.CHECKER_FAILURE;
		case TIMEOUT -> Outcome.TIMEOUT;
		case CANCELLED -> Outcome.CANCELLED;
		case COMPLETED -> r.allAsExpected() ? Outcome.AS_EXPECTED : Outcome.UNEXPECTED;
		};
	}

	/** The outcome that matters more: cancelled over everything, then failures, time-outs, surprises. */
	private static Outcome worse(Outcome a, Outcome b) {
		List<Outcome> rank = List.of(Outcome.AS_EXPECTED, Outcome.UNEXPECTED, Outcome.TIMEOUT, Outcome.CHECKER_FAILURE,
				Outcome.CANCELLED);
		return rank.indexOf(b) > rank.indexOf(a) ? b : a;
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a temporary folder: the OS cleans what is left
		}
	}
}
