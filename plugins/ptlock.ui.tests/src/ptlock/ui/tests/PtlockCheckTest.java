package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

import ptlock.ir.Verdict;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.check.CheckJob;
import ptlock.ui.check.CheckRun;
import ptlock.ui.check.CheckSettings;
import ptlock.ui.check.ViolationMarkers;
import ptlock.ui.launch.CheckLaunchShortcut;
import ptlock.ui.prefs.PtlockPreferencePage;
import ptlock.ui.prefs.PtlockPreferences;
import ptlock.ui.views.CounterexampleView;
import ptlock.ui.views.MatrixView;
import ptlock.ui.views.ResultsView;

/**
 * Checking from Eclipse, as a kernel developer does it: Run As on a seed spec, the results and the race in the
 * views, the jump to the line, the matrix, cancelling a TLC run, the preferences. No error may be logged.
 */
public class PtlockCheckTest extends SeedWorkspaceTest {
	@Override
	protected void stop() {
		Job.getJobManager().cancel(CheckJob.FAMILY);
		UiWait.until(() -> Job.getJobManager().find(CheckJob.FAMILY).length == 0, 60_000, "checks to end");
	}

	/** Launches like Run As on a selected file, and waits for the check to publish its run. */
	private CheckRun runAs(IFile file, boolean matrix) {
		CheckRun before = PtlockUiPlugin.services().runs().latest();
		CheckLaunchShortcut shortcut = matrix ? new CheckLaunchShortcut.Matrix() : new CheckLaunchShortcut();
		shortcut.launch(new StructuredSelection(file), "run");
		UiWait.until(() -> PtlockUiPlugin.services().runs().latest() != before
				&& Job.getJobManager().find(CheckJob.FAMILY).length == 0, 120_000, "the check of " + file.getName());
		UiWait.settle(300);
		return PtlockUiPlugin.services().runs().latest();
	}

	@Test
	public void theLaunchTabListsTheScenariosOfTheChosenSpec() {
		org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(PlatformUI.getWorkbench().getDisplay());
		try {
			ptlock.ui.launch.CheckTab tab = new ptlock.ui.launch.CheckTab();
			tab.createControl(shell);
			assertEquals(List.of(), tab.listedScenarios(), "no spec yet");
			tab.setSpec(project.getFile("specs/seed/retract_vs_fault.ptl").getFullPath().toString());
			// the scenarios retract_vs_fault.ptl declares, in its order
			assertEquals(List.of("at_patch_08", "free_immediately", "free_deferred", "without_rcu_lookup"),
					tab.listedScenarios());
			tab.setSpec("/no/such.ptl");
			assertEquals(List.of(), tab.listedScenarios());
		} finally {
			shell.dispose();
		}
	}

	@Test
	public void eachRunHasTheConsoleToItselfAndTheResultsSayHowManyStates() throws PartInitException {
		IFile spec = project.getFile("specs/seed/retract_vs_fault.ptl");
		runAs(spec, false);
		CheckRun second = runAs(spec, false);
		UiWait.settle(500);
		String console = ptlock.ui.check.PtlockConsole.get().getDocument().get();
		assertTrue(console.startsWith("ptlock check retract_vs_fault.ptl"), "titled by the run: " + console);
		assertEquals(1, console.split("scenario free_immediately ", -1).length - 1,
				"the second run's output only: " + console);
		ResultsView results = (ResultsView) page().showView(ResultsView.ID);
		List<String> headers = Arrays.stream(results.viewer().getTable().getColumns()).map(c -> c.getText()).toList();
		assertTrue(headers.contains("states") && headers.contains("outcome"), headers.toString());
		int states = headers.indexOf("states");
		assertEquals(String.format("%,d", second.results().get(0).stats().distinctStates()),
				results.viewer().getTable().getItem(0).getText(states));
	}

	@Test
	public void runAsCheckShowsTheVerdictsTheRaceAndTheLine() throws CoreException, PartInitException {
		IFile spec = project.getFile("specs/seed/retract_vs_fault.ptl");
		CheckRun run = runAs(spec, false);
		assertEquals(ptlock.service.Outcome.AS_EXPECTED, run.outcome(), run.message());

		// the console has what the CLI prints: the verdicts and the race
		String console = ptlock.ui.check.PtlockConsole.get().getDocument().get();
		assertTrue(console.contains("scenario free_immediately") && console.contains("counterexample for no_use_after_free"),
				console);

		ResultsView results = (ResultsView) page().showView(ResultsView.ID);
		List<ResultsView.Line> lines = results.lines();
		assertFalse(lines.isEmpty());
		assertTrue(lines.stream().allMatch(l -> l.property().asExpected()), "every verdict as the spec expects");
		// free_immediately: khugepaged frees the table with pte_free() under the fault's feet (case a, the bug)
		ResultsView.Line uaf = lines.stream().filter(l -> l.result().program().scenario().equals("free_immediately")
				&& l.property().property().equals("no_use_after_free")).findFirst().orElseThrow();
		assertEquals(Verdict.VIOLATED, uaf.property().verdict());
		assertEquals(results.viewer().getTable().getItemCount(), lines.size(), "the table shows every line");

		// the violation is a marker on the statement where it failed
		IMarker[] markers = project.findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_INFINITE);
		assertTrue(Arrays.stream(markers).anyMatch(m -> "no_use_after_free".equals(m.getAttribute(ViolationMarkers.PROPERTY, ""))),
				"a violation marker for no_use_after_free");
		// with both engines (the same verdicts twice) each violation is still one marker
		List<ptlock.check.CheckResult> twice = new java.util.ArrayList<>(run.results());
		run.results().forEach(r -> twice.add(new ptlock.check.CheckResult(r.program(), "tlc", r.status(),
				r.properties(), r.stats(), r.message())));
		ViolationMarkers.update(twice);
		assertEquals(markers.length, project.findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_INFINITE).length,
				"one marker per scenario and property, not one per engine");
		markers = project.findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_INFINITE);

		results.open(uaf);
		CounterexampleView race = (CounterexampleView) page().findView(CounterexampleView.ID);
		assertNotNull(race, "double-clicking a violation opens the counterexample view");
		Table t = race.table();
		List<String> titles = Arrays.stream(t.getColumns()).map(TableColumn::getText).toList();
		assertTrue(titles.stream().anyMatch(c -> c.startsWith("cpu0: handle_pte_fault")), titles.toString());
		assertTrue(titles.stream().anyMatch(c -> c.startsWith("cpu1: khugepaged")), titles.toString());
		assertEquals("changed", titles.get(titles.size() - 1));
		int rows = t.getItemCount();
		assertTrue(rows >= 3, "a race takes steps of both CPUs: " + rows);
		int last = rows - 1;
		String lastText = String.join(" | ", cells(t, last));
		assertTrue(lastText.contains("pte") , "the last step is the faulting CPU's page-table access: " + lastText);
		assertTrue(race.isFailing(last), "the failing step is marked");
		assertTrue(t.getItem(last).getText(0).startsWith(">>"), t.getItem(last).getText(0));
		// branches say which way they went, inlined steps sit under their call (indented)
		List<String> cpu1 = new java.util.ArrayList<>();
		for (int i = 0; i < rows; i++) {
			cpu1.add(t.getItem(i).getText(2));
		}
		assertTrue(cpu1.stream().anyMatch(c -> c.strip().startsWith("if (") && c.endsWith("-> false")), cpu1.toString());
		assertTrue(cpu1.stream().anyMatch(c -> c.equals("collapse_file(s = 1)")), "the call, with its argument's value: " + cpu1);
		assertTrue(cpu1.stream().anyMatch(c -> c.startsWith("    folio_lock(")), "inlined steps indented: " + cpu1);
		// every cell fits its column (columns size to their content), and the columns reach the view's edge
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(t);
		try {
			int sum = 0;
			for (int c = 0; c < t.getColumnCount(); c++) {
				int w = t.getColumn(c).getWidth();
				sum += w;
				for (int i = 0; c < t.getColumnCount() - 1 && i < rows; i++) {
					String text = t.getItem(i).getText(c);
					assertTrue(gc.textExtent(text).x <= w, "column " + c + " (" + w + " px) clips '" + text + "'");
				}
			}
			assertTrue(sum >= t.getClientArea().width, "the columns fill the view: " + sum + " of " + t.getClientArea().width);
		} finally {
			gc.dispose();
		}

		// clicking a step selects its line in the .ptl editor, and shows the step in full below the table
		int lockStep = -1;
		for (int i = 0; i < rows && lockStep < 0; i++) {
			if (t.getItem(i).getText(2).strip().equals("spin_lock(ptl);")) {
				lockStep = i;
			}
		}
		assertTrue(lockStep >= 0, "khugepaged takes the ptl: " + cpu1);
		race.select(lockStep);
		UiWait.settle(200);
		assertTrue(race.details().contains("spin_lock(ptl);") && race.details().contains("lock_owner[ptl of PT page 1] = cpu1"),
				"the ptl, named by what it protects, held by cpu1: " + race.details());
		screenshot(race, "counterexample-view");
		race.select(last);
		UiWait.settle(300);
		assertTrue(race.details().contains("the property fails after this step"), race.details());
		IEditorPart active = page().getActiveEditor();
		assertNotNull(active, "the step's file is open");
		ITextEditor editor = active.getAdapter(ITextEditor.class);
		ITextSelection sel = (ITextSelection) editor.getSelectionProvider().getSelection();
		IMarker mark = Arrays.stream(markers).filter(m -> "no_use_after_free".equals(m.getAttribute(ViolationMarkers.PROPERTY, "")))
				.filter(m -> m.getResource().equals(editor.getEditorInput().getAdapter(IFile.class))).findFirst()
				.orElse(null);
		assertTrue(sel.getLength() > 0, "a whole line is selected");
		if (mark != null) {
			assertEquals(mark.getAttribute(IMarker.LINE_NUMBER, -1), sel.getStartLine() + 1,
					"the selected line is where the property failed");
		}
		// the filter hides variables in the 'changed' column
		race.setFilter(".*");
		UiWait.settle(200);
		assertEquals("", t.getItem(last).getText(titles.size() - 1), "every variable hidden");
		race.setFilter("");
	}

	/** A screenshot with the view maximized (the test window is small), then the layout restored. */
	private static void screenshot(org.eclipse.ui.IViewPart view, String name) {
		org.eclipse.ui.IWorkbenchPartReference ref = page().getReference(view);
		page().setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.settle(400);
		Screenshots.save(name);
		page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);
		UiWait.settle(200);
	}

	private static String[] cells(Table t, int row) {
		String[] out = new String[t.getColumnCount()];
		for (int c = 0; c < out.length; c++) {
			out[c] = t.getItem(row).getText(c);
		}
		return out;
	}

	/**
	 * A what-if spec for the matrix view: handle_pte_fault() without its pte_same() recheck under the ptl. Expected
	 * (reasoned from the kernel): collapse_file()'s try_to_unmap() clears the entry under the ptl alone, with no
	 * mmap_lock, so at every patch level the fault can write its stale entry back after that and khugepaged then
	 * detaches a table that is not empty (detached_tables_empty violated in every row; this was first reasoned as
	 * "holds until p09", forgetting that the unmap needs no mmap_lock: the tool was right). From p09 the retract needs
	 * no mmap_lock either, so the fault can also lock the ptl of the table just detached and write into it
	 * (no_write_to_detached, from row p09 on), on every architecture.
	 */
	private static final String WHAT_IF = """
			spec what_if;
			include "paths.ptl";
			include "../arch/architectures.ptl";
			const N_SLOTS = 1;
			const N_TABLES = 1;
			const MAX_GEN = 1;
			const N_PAGES = 2;
			init {
				link_table(1, 1);
				vm_write[1] = true;
				vm_file[1] = true;
				pte[1][1] = mk_pte(FILE_PAGE, false);
				page_cache_replace(FILE_PAGE);
			}
			path fault_without_recheck(s) {
				var ptl: 0..N_SPINLOCKS;
				var pte: PtePtr;
				var orig: Pte;
				mmap_read_lock(slot_mm[s]);
				pte = pte_offset_map_nolock(s, 1, &ptl);
				if (!pte.table)
					goto out;
				orig = ptep_get_lockless(pte);
				if (pte_none(orig)) {
					pte_unmap(pte);
					goto out;
				}
				spin_lock(ptl);
				ptep_set_access_flags(pte, maybe_mkwrite(orig, s));
				pte_unmap_unlock(pte, ptl);
			out:
				mmap_read_unlock(slot_mm[s]);
			}
			scenario no_recheck "a fault that does not recheck its entry under the ptl, vs khugepaged" {
				thread cpu0 = fault_without_recheck(1);
				thread cpu1 = khugepaged(1);
				daemon rcu = rcu_free_tables();
			}
			""";

	@Test
	public void runAsMatrixShowsTheSeriesMatrixAndOpensARedCell() throws CoreException, PartInitException {
		CheckRun run = runAs(project.getFile("specs/seed/series_matrix.ptl"), true);
		assertNotNull(run.matrix(), run.message());
		MatrixView view = (MatrixView) page().showView(MatrixView.ID);
		Table t = view.table();
		List<String> titles = Arrays.stream(t.getColumns()).map(TableColumn::getText).toList();
		assertEquals(List.of("patch", "x86_64", "arm64", "x86_pae", "arm", "powerpc64", "s390", "sparc64",
				"changes in the model"), titles);
		assertEquals(13, t.getItemCount(), "none, then p01..p12");
		// docs/MATRIX.md: in the series' order every cell holds
		assertEquals("none", t.getItem(0).getText(0));
		for (int r = 0; r < t.getItemCount(); r++) {
			for (int c = 1; c < titles.size() - 1; c++) {
				assertEquals("holds", t.getItem(r).getText(c), t.getItem(r).getText(0) + " on " + titles.get(c));
			}
		}
		// p02 adds interrupts off around x86 PAE's PMD read (the library's PAE_PMD_IRQS_OFF, series.ptl)
		assertTrue(t.getItem(2).getText(titles.size() - 1).contains("PAE_PMD_IRQS_OFF"),
				t.getItem(2).getText(titles.size() - 1));
		screenshot(view, "matrix-view");

		IFile whatIf = project.getFile("specs/seed/what_if.ptl");
		whatIf.create(new java.io.ByteArrayInputStream(WHAT_IF.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				true, new NullProgressMonitor());
		run = runAs(whatIf, true);
		assertNotNull(run.matrix(), run.message());
		t = ((MatrixView) page().showView(MatrixView.ID)).table();
		assertEquals("p08", t.getItem(8).getText(0));
		assertEquals("detached_tables_empty", t.getItem(8).getText(1), "p08 on x86_64");
		assertEquals("p09", t.getItem(9).getText(0));
		assertTrue(t.getItem(9).getText(1).contains("no_write_to_detached"), t.getItem(9).getText(1));
		// a click on the red cell (row p09, column x86_64)
		org.eclipse.swt.graphics.Rectangle cell = t.getItem(9).getBounds(1);
		org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
		click.x = cell.x + cell.width / 2;
		click.y = cell.y + cell.height / 2;
		click.button = 1;
		t.notifyListeners(org.eclipse.swt.SWT.MouseDown, click);
		UiWait.settle(300);
		CounterexampleView race = (CounterexampleView) page().findView(CounterexampleView.ID);
		assertNotNull(race);
		assertTrue(race.table().getItemCount() > 0, "the red cell's race is shown");
		assertTrue(race.headerText().contains("after p09 on x86_64"), "the race names its cell: " + race.headerText());
	}

	@Test
	public void aLaunchConfigurationChecksOneScenario() throws CoreException {
		IFile spec = project.getFile("specs/seed/retract_vs_fault.ptl");
		org.eclipse.debug.core.ILaunchConfigurationWorkingCopy wc = CheckLaunchShortcut.configuration(spec, false)
				.copy("retract_vs_fault free_deferred");
		wc.setAttribute(ptlock.ui.launch.LaunchAttributes.SCENARIO, "free_deferred");
		CheckRun before = PtlockUiPlugin.services().runs().latest();
		org.eclipse.debug.ui.DebugUITools.launch(wc.doSave(), "run");
		UiWait.until(() -> PtlockUiPlugin.services().runs().latest() != before
				&& Job.getJobManager().find(CheckJob.FAMILY).length == 0, 120_000, "the check");
		CheckRun run = PtlockUiPlugin.services().runs().latest();
		assertEquals(List.of("free_deferred"), run.results().stream().map(r -> r.program().scenario()).distinct().toList());
		// pte_free_defer(): the fault's RCU section keeps the table allocated (case a), every property holds
		assertEquals(ptlock.service.Outcome.AS_EXPECTED, run.outcome(), run.message());
		assertTrue(run.results().stream().flatMap(r -> r.properties().stream()).allMatch(p -> p.verdict() == Verdict.HOLDS));
	}

	/** A counter that runs to 3000 before failing: a counterexample of 6000 steps. */
	private static final String LONG_TRACE = """
			spec longtrace;
			property reached "the counter reached its bound";
			var x: 0..3000;
			path counter() {
				while (x < 3000)
					x = x + 1;
				assert (false) as reached;
			}
			scenario count {
				thread cpu0 = counter();
				expect reached violated;
				expect others holds;
			}
			""";

	@Test
	public void theCounterexampleViewShowsThousandsOfSteps() throws CoreException, PartInitException {
		IFile f = project.getFile("long.ptl");
		f.create(new java.io.ByteArrayInputStream(LONG_TRACE.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		CheckRun run = runAs(f, false);
		assertEquals(ptlock.service.Outcome.AS_EXPECTED, run.outcome(), run.message());
		ResultsView results = (ResultsView) page().showView(ResultsView.ID);
		ResultsView.Line line = results.lines().stream().filter(l -> l.property().property().equals("reached"))
				.findFirst().orElseThrow();
		long start = System.nanoTime();
		results.open(line);
		long millis = (System.nanoTime() - start) / 1_000_000;
		CounterexampleView race = (CounterexampleView) page().findView(CounterexampleView.ID);
		Table t = race.table();
		assertEquals(6002, t.getItemCount(), "the loop test 3001 times (3000 true, one false), 3000 increments, the assertion");
		// only rows scrolled into view are filled in: jump to the end and read the last one
		t.setTopIndex(t.getItemCount() - 1);
		UiWait.settle(200);
		assertEquals("assert (false) as reached;", t.getItem(t.getItemCount() - 1).getText(1));
		// the last increment, then the loop test that ends the loop, then the assertion
		assertEquals("x = 3000", t.getItem(t.getItemCount() - 3).getText(2));
		assertEquals("while (x < 3000)  -> false", t.getItem(t.getItemCount() - 2).getText(1),
				"the loop test that ends the loop says which way it went");
		assertEquals("while (x < 3000)  -> true", t.getItem(0).getText(1));
		assertTrue(race.isFailing(t.getItemCount() - 1) && !race.isFailing(t.getItemCount() - 2),
				"the assertion's step is the marked one");
		assertTrue(t.getItem(t.getItemCount() - 1).getText(0).startsWith(">>"), t.getItem(t.getItemCount() - 1).getText(0));
		System.out.println("[bench] counterexample view: 6002 steps shown in " + millis + " ms");
	}

	@Test
	public void cancellingATlcCheckKillsTheTlcProcess() {
		long before = tlcProcesses();
		CheckJob job = new CheckJob(new CheckJob.Request(project.getFile("specs/bench/scaled.ptl").getLocation().toFile()
				.toPath(), null, false, new CheckSettings("tlc", 1, 512, 0)));
		job.schedule();
		UiWait.until(() -> tlcProcesses() > before, 60_000, "TLC to start");
		job.cancel();
		UiWait.until(() -> job.getState() == Job.NONE, 30_000, "the job to end");
		assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), String.valueOf(job.getResult()));
		assertEquals(ptlock.service.Outcome.CANCELLED, PtlockUiPlugin.services().runs().latest().outcome());
		UiWait.until(() -> tlcProcesses() == before, 10_000, "no TLC process left");
	}

	/** TLC JVMs this Eclipse started (children that run tlc2). */
	private static long tlcProcesses() {
		return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
				.filter(p -> p.info().commandLine().orElse("").contains("tlc2")).count();
	}

	@Test
	public void preferencesChooseTheEngine() {
		PtlockPreferencePage page = new PtlockPreferencePage();
		page.init(PlatformUI.getWorkbench());
		org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(PlatformUI.getWorkbench().getDisplay());
		try {
			// the field editors show what is stored, and OK stores what they show
			page.getPreferenceStore().setValue(PtlockPreferences.ENGINE, "tlc");
			page.getPreferenceStore().setValue(PtlockPreferences.WORKERS, 2);
			page.createControl(shell);
			assertTrue(page.performOk());
			assertEquals(new CheckSettings("tlc", 2, 1024, 0), PtlockPreferences.current());
			page.getPreferenceStore().setToDefault(PtlockPreferences.ENGINE);
			page.getPreferenceStore().setToDefault(PtlockPreferences.WORKERS);
			assertEquals(CheckSettings.DEFAULT, PtlockPreferences.current());
		} finally {
			page.dispose();
			shell.dispose();
		}
	}
}
