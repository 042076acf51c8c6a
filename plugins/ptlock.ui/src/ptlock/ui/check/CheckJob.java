package ptlock.ui.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import ptlock.lang.matrix.Matrix;
import ptlock.model.series.Series;
import ptlock.report.ResultText;
import ptlock.service.CheckService;
import ptlock.service.Engine;
import ptlock.service.Outcome;
import ptlock.service.Scenarios;
import ptlock.ui.PtlockUiPlugin;

/**
 * A check run from Eclipse (Run As > ptlock check, or the matrix): every scenario of a spec (or one), or the verdict
 * matrix of its series. Progress goes to the progress view (states, queue, rate; distributed TLC's connected
 * workers; cells of the matrix: {@link CheckProgress}), the text to the ptlock console, the results to the views and
 * violation markers. TLC runs distributed when the settings say so. Cancelling sets the checkers' cancel flag:
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
			PtlockConsole.startRun(getName());
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
		Scenarios.Lowered lowered = Scenarios.lower(spec, request.scenario());
		if (!lowered.ok()) {
			return new CheckRun(request.spec(), List.of(), null, Outcome.SPEC_ERROR, lowered.problem());
		}
		CheckSettings set = request.settings();
		Engine engine = Engine.of(set.engine());
		if (engine == null) {
			PtlockConsole.print("ptlock: unknown engine '" + set.engine() + "' in the settings: the simulator checks\n");
			engine = Engine.SIM;
		}
		SubMonitor sub = SubMonitor.convert(monitor, getName(), lowered.programs().size());
		// the preferences' time limit is per TLC run (the CheckOptions without a deadline for the whole check);
		// distributed, TLC's server tells the progress its workers, and the command remote ones run (the console)
		CheckService.Report report = new CheckService(engine).check(lowered.programs(),
				new CheckOptions(work, set.workers(), set.heapMb(), set.timeLimitSeconds(), cancel,
						new CheckProgress(sub)).withDistribution(set.distribution()),
				new CheckService.Listener() {
					@Override
					public void starting(Program p) {
						sub.subTask(p.title());
					}

					@Override
					public void checked(Program p, List<CheckResult> byEngine) {
						byEngine.forEach(r -> PtlockConsole.print(text(r)));
						sub.worked(1);
					}

					@Override
					public void disagree(Program p, List<String> differences) {
						PtlockConsole.print("ptlock: the simulator and TLC disagree on " + p.title() + ": "
								+ differences + "\n");
					}
				});
		if (engine == Engine.BOTH && report.outcome() != Outcome.CANCELLED) {
			PtlockConsole.print(report.disagreements().isEmpty()
					? "the simulator and TLC agree on every verdict they both reached\n"
					: "the simulator and TLC disagree on " + report.disagreements().size() + " scenario(s)\n");
		}
		String msg = report.results().size() + " scenario run(s), " + report.unexpected() + " unexpected verdict(s): "
				+ report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return new CheckRun(request.spec(), report.results(), null, report.outcome(), msg);
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
		Matrix m = CheckService.matrix(spec, order, archs, options, (done, all, level, arch) -> {
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

	private static String text(CheckResult r) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			new ResultText().print(r, out);
		}
		return bytes.toString(StandardCharsets.UTF_8);
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
