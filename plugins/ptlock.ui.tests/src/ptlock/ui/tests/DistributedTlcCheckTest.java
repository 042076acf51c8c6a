package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.junit.jupiter.api.Test;

import ptlock.check.CheckResult;
import ptlock.ir.Verdict;
import ptlock.service.Outcome;
import ptlock.tlc.TlcWorker;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.check.CheckJob;
import ptlock.ui.check.CheckRun;
import ptlock.ui.check.PtlockConsole;
import ptlock.ui.launch.CheckLaunchShortcut;
import ptlock.ui.launch.LaunchAttributes;

/**
 * Real checks from launch configurations with distributed TLC: a TLC server with two local workers, and one
 * waiting for a worker started from the command the console gives, reach the verdicts of local TLC; the progress
 * reports the workers; no TLC process of the run is left afterwards.
 */
public class DistributedTlcCheckTest extends SeedWorkspaceTest {
	/** Not TLC's default 10997, which other tests and a TLC left running elsewhere may hold. */
	private static final int LOCAL_PORT = 12997;
	private static final int REMOTE_PORT = 12998;
	private static final String SCENARIO = "free_immediately";
	private static final Pattern WORKER_COMMAND = Pattern.compile("ptlock tlc-worker (\\S+):(\\d+)");

	@Override
	protected void stop() {
		Job.getJobManager().cancel(CheckJob.FAMILY);
		UiWait.until(() -> Job.getJobManager().find(CheckJob.FAMILY).length == 0, 60_000, "checks to end");
	}

	/** retract_vs_fault.ptl's scenario with TLC, in the given distribution mode. */
	private ILaunchConfigurationWorkingCopy configuration(String distribution, int port) throws CoreException {
		ILaunchConfigurationWorkingCopy wc = CheckLaunchShortcut
				.configuration(project.getFile("specs/seed/retract_vs_fault.ptl"), false)
				.copy("retract_vs_fault " + SCENARIO + " " + distribution);
		wc.setAttribute(LaunchAttributes.SCENARIO, SCENARIO);
		wc.setAttribute(LaunchAttributes.ENGINE, "tlc");
		wc.setAttribute(LaunchAttributes.DISTRIBUTION, distribution);
		wc.setAttribute(LaunchAttributes.LOCAL_WORKERS, 2);
		wc.setAttribute(LaunchAttributes.PORT, port);
		return wc;
	}

	/** Launches, and waits for the check to publish its run (meanwhile, while returns true, during runs). */
	private static CheckRun launch(ILaunchConfigurationWorkingCopy wc, java.util.function.BooleanSupplier during)
			throws CoreException {
		CheckRun before = PtlockUiPlugin.services().runs().latest();
		DebugUITools.launch(wc.doSave(), "run");
		UiWait.until(() -> during.getAsBoolean() && PtlockUiPlugin.services().runs().latest() != before
				&& Job.getJobManager().find(CheckJob.FAMILY).length == 0, 300_000, "the check " + wc.getName());
		return PtlockUiPlugin.services().runs().latest();
	}

	/** Local TLC's verdicts, the reference; they include the race the scenario is about. */
	private Map<String, Verdict> localTlcVerdicts() throws CoreException {
		CheckRun local = launch(configuration("off", LOCAL_PORT), () -> true);
		assertEquals(Outcome.AS_EXPECTED, local.outcome(), local.message());
		Map<String, Verdict> verdicts = verdicts(local);
		// free_immediately: pte_free() under the fault's feet, the use after free (case a, retract_vs_fault.ptl)
		assertTrue(verdicts.entrySet().stream().anyMatch(e -> e.getKey().endsWith("/ no_use_after_free")
				&& e.getValue() == Verdict.VIOLATED), verdicts.toString());
		return verdicts;
	}

	@Test
	public void twoLocalWorkersGiveLocalTlcsVerdicts() throws CoreException {
		Map<String, Verdict> expected = localTlcVerdicts();
		CheckRun distributed = launch(configuration("local", LOCAL_PORT), () -> true);
		String console = PtlockConsole.get().getDocument().get();
		assertEquals(Outcome.AS_EXPECTED, distributed.outcome(), distributed.message() + "\n" + console);
		assertEquals(expected, verdicts(distributed), "distributed TLC, the same verdicts as local TLC");
		assertTrue(distributed.results().stream().allMatch(r -> r.engine().equals("tlc")), "TLC checked");
		assertTrue(console.contains(SCENARIO + ": 2 TLC workers connected"),
				"the progress saw both workers connect: " + console);
		UiWait.until(() -> distributedTlcProcesses(LOCAL_PORT).isEmpty(), 30_000,
				"no distributed TLC process left: " + distributedTlcProcesses(LOCAL_PORT));
	}

	@Test
	public void aWorkerStartedFromTheConsolesCommandJoins() throws CoreException, IOException, InterruptedException {
		Map<String, Verdict> expected = localTlcVerdicts();
		ILaunchConfigurationWorkingCopy wc = configuration("remote", REMOTE_PORT);
		wc.setAttribute(LaunchAttributes.HOSTNAME, "localhost");
		Path workDir = Files.createTempDirectory("ptlock-remote-worker");
		AtomicBoolean stopWorker = new AtomicBoolean();
		List<String> workerOutput = Collections.synchronizedList(new ArrayList<>());
		AtomicReference<Thread> worker = new AtomicReference<>();
		try {
			// as a user on another host: read the command on the console, then run it (ptlock tlc-worker HOST:PORT)
			CheckRun run = launch(wc, () -> {
				Matcher m = WORKER_COMMAND.matcher(PtlockConsole.get().getDocument().get());
				if (worker.get() == null && m.find()) {
					assertEquals("localhost:" + REMOTE_PORT, m.group(1) + ":" + m.group(2),
							"the server's host name and port, as the launch configuration chose them");
					// runs 0: a worker for each of the server's runs (one per round of properties), until stopped
					TlcWorker.Settings s = new TlcWorker.Settings(m.group(1), Integer.parseInt(m.group(2)), false, 512,
							1, "localhost", 0);
					worker.set(new Thread(() -> runWorker(s, workDir, stopWorker, workerOutput), "remote-worker"));
					worker.get().start();
				}
				return true;
			});
			String console = PtlockConsole.get().getDocument().get();
			assertTrue(worker.get() != null, "the console gave the command: " + console);
			assertEquals(Outcome.AS_EXPECTED, run.outcome(), run.message() + "\n" + console + "\n" + workerOutput);
			assertEquals(expected, verdicts(run), "one remote worker, the same verdicts as local TLC");
			assertTrue(console.contains(SCENARIO + ": 1 TLC worker connected"), console);
		} finally {
			stopWorker.set(true);
			if (worker.get() != null) {
				worker.get().join(30_000);
			}
			delete(workDir);
		}
		UiWait.until(() -> distributedTlcProcesses(REMOTE_PORT).isEmpty(), 30_000,
				"no distributed TLC process left: " + distributedTlcProcesses(REMOTE_PORT));
	}

	/** What ptlock tlc-worker does: a worker for each of the server's runs, until stopped. */
	private static void runWorker(TlcWorker.Settings s, Path dir, AtomicBoolean stop, List<String> out) {
		try {
			new TlcWorker(s).run(dir, stop, out::add);
		} catch (IOException e) {
			out.add("the worker failed: " + e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Each scenario run's (architecture, patch level: the program's title) verdict of each property. */
	private static Map<String, Verdict> verdicts(CheckRun run) {
		Map<String, Verdict> out = new TreeMap<>();
		for (CheckResult r : run.results()) {
			r.properties().forEach(p -> out.put(r.program().title() + " / " + p.property(), p.verdict()));
		}
		return out;
	}

	/**
	 * The TLC server and worker JVMs of a port alive on this machine, whoever their parent is now (a worker that
	 * outlived its server is no child of ours any more). The port keeps out the distributed runs of other builds.
	 */
	private static List<String> distributedTlcProcesses(int port) {
		return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
				.map(p -> p.info().commandLine().orElse(""))
				.filter(c -> c.contains("tlc2.tool.distributed") && c.contains("TLCServer.port=" + port)).toList();
	}

	private static void delete(Path dir) throws IOException {
		try (var files = Files.walk(dir)) {
			for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
