package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ptlock.lang.matrix.Matrix;
import ptlock.service.Outcome;
import ptlock.ui.PtlockUiPlugin;
import ptlock.ui.check.CheckRun;
import ptlock.ui.editor.PtlockHoverProvider;
import ptlock.ui.editor.WrappingInformationControl;
import ptlock.ui.views.MatrixView;

/**
 * The popups and the matrix as a user sees them: a hover and a completion's documentation wrap at about 80 columns
 * (every character on screen, none lost), the matrix view's columns fit their text and the view, and its selection
 * shows on coloured cells. Screenshots of each go to target/screenshots.
 */
public class PopupsAndMatrixTest {
	/** A word longer than a line of a popup: it must be broken, not cut. */
	private static final String LONG_WORD = "pte_offset_map_nolock_then_recheck_the_pmd_under_the_ptl_before_any_write_"
			+ "because_khugepaged_may_have_retracted_the_table";
	private static final String COMMENT = "take_it(): waits until the lock is free, then takes it. It spins with "
			+ "interrupts enabled, so an interrupt handler that takes the same lock on this CPU deadlocks; the static "
			+ "rules read its tags to follow which locks a path holds at each statement, and the model checker treats "
			+ "the wait as a blocking step that other threads may interleave with. See also " + LONG_WORD
			+ " for the case where the table goes away.";
	private static final String LIB = "// " + COMMENT + "\n@acquires(l)\natomic prim take_it(l) {\n}\n";

	private final ErrorLogGuard errors = new ErrorLogGuard();
	private IProject project;
	private IEditorPart editor;

	@BeforeEach
	public void setUp() throws CoreException {
		errors.start();
		PlatformUI.getWorkbench().getIntroManager().closeIntro(PlatformUI.getWorkbench().getIntroManager().getIntro());
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("ptlock-" + UUID.randomUUID());
		project.create(new NullProgressMonitor());
		project.open(new NullProgressMonitor());
	}

	@AfterEach
	public void tearDown() throws CoreException {
		if (editor != null) {
			editor.getSite().getPage().closeEditor(editor, false);
		}
		UiWait.settle(200);
		project.delete(true, true, new NullProgressMonitor());
		List<IStatus> logged = errors.stop();
		if (!logged.isEmpty()) {
			fail("errors were logged: " + logged);
		}
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private IFile file(String name, String content) throws CoreException {
		IFile f = project.getFile(name);
		f.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return f;
	}

	private ITextViewer open(IFile f) throws CoreException {
		editor = IDE.openEditor(page(), f);
		return TextViewers.of(editor);
	}

	// ---- hover and completion documentation

	@Test
	public void aLongHoverWrapsAtAbout80ColumnsWithNothingLost() throws CoreException {
		file("lib.ptl", LIB);
		String use = "include \"lib.ptl\";\npath p() {\n\ttake_it(1);\n}\n";
		ITextViewer viewer = open(file("use.ptl", use));
		StyledText editorText = viewer.getTextWidget();
		int at = use.indexOf("take_it") + 3;
		PtlockHoverProvider hover = new PtlockHoverProvider();
		IRegion region = hover.getHoverRegion(viewer, at);
		@SuppressWarnings("deprecation")
		String info = hover.getHoverInfo(viewer, region);
		assertNotNull(info, "a hover for take_it");
		assertTrue(normalized(info).contains(normalized(COMMENT)), info);

		// the real hover: the pointer rests on the name
		Display display = Display.getCurrent();
		editorText.getShell().forceActive();
		editorText.setFocus();
		Set<Shell> before = new HashSet<>(Arrays.asList(display.getShells()));
		Point word = editorText.toDisplay(editorText.getLocationAtOffset(at));
		int y = word.y + editorText.getLineHeight() / 2;
		StyledText[] popup = new StyledText[1];
		// the hover comes once the pointer rests on the name: move there, then wait (again, in case it was early)
		for (int attempt = 0; attempt < 6 && popup[0] == null; attempt++) {
			move(display, word.x + 2 + attempt, y);
			try {
				UiWait.until(() -> (popup[0] = popupText(display, before, "waits until the lock is free")) != null,
						5_000, "the hover of take_it");
			} catch (AssertionError e) {
				// not yet: rest the pointer once more
			}
		}
		assertNotNull(popup[0], "the hover of take_it, with the pointer on the name");
		UiWait.settle(300);
		StyledText text = popup[0];
		Screenshots.save("hover-wrapped");

		assertEquals(normalized(info), normalized(text.getText()), "the hover shows the whole doc, the long word too");
		assertTrue(text.getWordWrap(), "the hover's text wraps");
		assertWrappedAndVisible(text, COMMENT);
		int maxWidth = columnsWidth(text, WrappingInformationControl.COLUMNS);
		// (the text itself: beside the doc, the Generic Editor's hover shows the line's marker, here a warning)
		assertTrue(text.getSize().x <= maxWidth + 30,
				"the hover's text is at most about 80 columns wide: " + text.getSize().x + " > " + maxWidth);
		assertTrue(text.getSize().x >= maxWidth * 3 / 4, "and it uses them: " + text.getSize().x);
		assertOnScreen(text.getShell());
	}

	@Test
	public void completionDocumentationWrapsBesideTheList() throws CoreException {
		file("lib.ptl", LIB);
		ITextViewer viewer = open(file("assist.ptl", "spec assist;\ninclude \"lib.ptl\";\npath p() {\n\ttak"));
		StyledText editorText = viewer.getTextWidget();
		((ITextEditor) editor).selectAndReveal(editorText.getCharCount(), 0);
		Display display = Display.getCurrent();
		Set<Shell> before = new HashSet<>(Arrays.asList(display.getShells()));
		((ITextOperationTarget) viewer).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		Table[] list = new Table[1];
		TableItem[] proposal = new TableItem[1];
		UiWait.until(() -> {
			for (Shell s : display.getShells()) {
				if (!before.contains(s) && s.isVisible() && find(s, Table.class) instanceof Table t) {
					for (TableItem item : t.getItems()) {
						if (item.getText().startsWith("take_it")) {
							list[0] = t;
							proposal[0] = item;
							return true;
						}
					}
				}
			}
			return false;
		}, 15_000, "a completion popup proposing take_it");
		Table t = list[0];
		assertTrue(proposal[0].getText().length() <= 100, "a list line is kept short: " + proposal[0].getText());
		if (t.getSelectionIndex() != t.indexOf(proposal[0])) {
			t.setSelection(proposal[0]);
			Event e = new Event();
			e.item = proposal[0];
			t.notifyListeners(SWT.Selection, e);
		}
		Set<Shell> withList = new HashSet<>(before);
		withList.add(t.getShell());
		StyledText[] doc = new StyledText[1];
		UiWait.until(() -> (doc[0] = popupText(display, withList, "waits until the lock is free")) != null, 20_000,
				"the documentation of take_it beside the list");
		UiWait.settle(500);
		Screenshots.save("completion-documentation");
		StyledText text = doc[0];

		// the whole doc, as the hover has it: the signature, every line of the comment, the tags, where it is
		String shown = normalized(text.getText());
		assertTrue(shown.startsWith("atomic prim take_it(l)"), shown);
		assertTrue(shown.contains(normalized(COMMENT)), shown);
		assertTrue(shown.contains("static rules: @acquires(l)"), shown);
		assertTrue(shown.contains("lib.ptl:"), shown);
		assertTrue(text.getWordWrap(), "the documentation wraps");
		assertWrappedAndVisible(text, COMMENT);
		int maxWidth = Math.max(columnsWidth(text, WrappingInformationControl.COLUMNS), t.getShell().getSize().x);
		assertTrue(text.getShell().getSize().x <= maxWidth + 40, "the documentation is about as wide as the list or "
				+ "80 columns: " + text.getShell().getSize().x + " > " + maxWidth);
		assertOnScreen(text.getShell());
		assertOnScreen(t.getShell());
	}

	private static void move(Display display, int x, int y) {
		Event e = new Event();
		e.type = SWT.MouseMove;
		e.x = x;
		e.y = y;
		display.post(e);
	}

	/** The text of a popup opened since {@code before} that shows {@code content}, or null. */
	private static StyledText popupText(Display display, Set<Shell> before, String content) {
		for (Shell s : display.getShells()) {
			if (!before.contains(s) && s.isVisible()) {
				for (StyledText st : all(s, StyledText.class)) {
					if (st.isVisible() && st.getText().contains(content)) {
						return st;
					}
				}
			}
		}
		return null;
	}

	/**
	 * Every character of the text is inside the widget (none cut on the right; at the bottom, unless the text scrolls
	 * there), and the long comment line takes more than one line on screen: it was wrapped, not cut.
	 */
	private static void assertWrappedAndVisible(StyledText text, String longLine) {
		Rectangle area = text.getClientArea();
		boolean scrolls = text.getVerticalBar() != null && text.getVerticalBar().isVisible();
		for (int i = 0; i < text.getCharCount(); i++) {
			if (Character.isWhitespace(text.getText().charAt(i))) {
				continue;
			}
			Rectangle r = text.getTextBounds(i, i);
			assertTrue(r.x >= 0 && r.x + r.width <= area.width + 1,
					"character " + i + " ('" + text.getText().charAt(i) + "') is cut off: " + r + " in " + area);
			assertTrue(scrolls || r.y >= 0 && r.y + r.height <= area.height + 1,
					"character " + i + " is below the popup's bottom: " + r + " in " + area);
		}
		String all = text.getText();
		int start = all.indexOf(longLine.substring(0, 20));
		assertTrue(start >= 0, all);
		int end = all.indexOf(LONG_WORD.substring(LONG_WORD.length() - 10));
		int rows = (text.getTextBounds(end, end).y - text.getTextBounds(start, start).y) / text.getLineHeight() + 1;
		assertTrue(rows >= 4, "the " + longLine.length() + "-character line wraps over several lines: " + rows);
		assertTrue(all.contains(LONG_WORD), "the long word is there in one piece (broken on screen only): " + all);
	}

	private static void assertOnScreen(Shell shell) {
		Rectangle screen = shell.getDisplay().getBounds();
		Rectangle b = shell.getBounds();
		assertTrue(screen.contains(b.x, b.y) && b.x + b.width <= screen.x + screen.width
				&& b.y + b.height <= screen.y + screen.height, "the popup is on the screen: " + b + " in " + screen);
	}

	private static int columnsWidth(Control c, int columns) {
		GC gc = new GC(c);
		try {
			gc.setFont(c.getFont());
			return (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * columns);
		} finally {
			gc.dispose();
		}
	}

	private static String normalized(String s) {
		return s.replaceAll("\\s+", " ").strip();
	}

	private static <T extends Control> T find(Control c, Class<T> type) {
		List<T> found = all(c, type);
		return found.isEmpty() ? null : found.get(0);
	}

	private static <T extends Control> List<T> all(Control c, Class<T> type) {
		List<T> out = new java.util.ArrayList<>();
		if (type.isInstance(c)) {
			out.add(type.cast(c));
		}
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				out.addAll(all(child, type));
			}
		}
		return out;
	}

	// ---- the matrix view

	private static final List<String> ARCHS = List.of("x86_64", "arm64", "x86_pae");
	private static final String LONG_CHANGE = "PAE_PMD_IRQS_OFF: interrupts off around x86 PAE's two-half PMD read "
			+ "(pmdp_get_lockless() may see the halves of two different entries otherwise)";
	private static final String OTHER_CHANGE = "RETRACT_WITHOUT_MMAP_LOCK: retract_page_tables() takes the i_mmap "
			+ "lock and the PMD lock only, from this patch on";

	/** A matrix like the what-if spec's: red from p02 on x86_64 and arm64, with long model changes. */
	private static Matrix matrix() {
		Matrix m = new Matrix(List.of("p01", "p02", "p03"), ARCHS);
		Map<String, List<String>> changes = Map.of("p01", List.of("PTE_MAP_NOLOCK: pte_offset_map_nolock()"), "p02",
				List.of(LONG_CHANGE, OTHER_CHANGE), "p03", List.of());
		for (String row : List.of("none", "p01", "p02", "p03")) {
			m.rows.add(row);
			Map<String, Matrix.Cell> cells = new LinkedHashMap<>();
			for (String arch : ARCHS) {
				boolean red = (row.equals("p02") || row.equals("p03")) && !arch.equals("x86_pae");
				cells.put(arch, new Matrix.Cell(row, arch, red ? List.of(
						new Matrix.Violation("no_recheck", "detached_tables_empty", null, null),
						new Matrix.Violation("no_recheck", "no_write_to_detached", null, null)) : List.of()));
			}
			m.cells.put(row, cells);
			if (!row.equals("none")) {
				m.changes.put(row, changes.get(row));
			}
		}
		return m;
	}

	@Test
	public void theMatrixFitsItsColumnsAndShowsTheSelectionOnColouredCells() throws PartInitException {
		CheckRun previous = PtlockUiPlugin.services().runs().latest();
		PtlockUiPlugin.services().runs().publish(new CheckRun(Path.of("what_if.ptl"), List.of(), matrix(),
				Outcome.UNEXPECTED, "4 patch levels x 3 architectures (a made-up matrix)"));
		try {
			MatrixView view = (MatrixView) page().showView(MatrixView.ID);
			Table t = view.table();
			UiWait.until(() -> t.getItemCount() == 4, 10_000, "the matrix");
			List<String> titles = Arrays.stream(t.getColumns()).map(TableColumn::getText).toList();
			assertEquals(List.of("patch", "x86_64", "arm64", "x86_pae", MatrixView.CHANGES), titles);
			int changes = titles.size() - 1;
			assertEquals(LONG_CHANGE + "; " + OTHER_CHANGE, t.getItem(2).getText(changes));

			// every column at least as wide as its longest text (and its title)
			GC gc = new GC(t);
			try {
				for (int c = 0; c < titles.size(); c++) {
					int longest = gc.textExtent(titles.get(c)).x;
					for (TableItem item : t.getItems()) {
						longest = Math.max(longest, gc.textExtent(item.getText(c)).x);
					}
					assertTrue(t.getColumn(c).getWidth() >= longest, "column " + titles.get(c) + " is "
							+ t.getColumn(c).getWidth() + " wide, its longest text " + longest);
				}
			} finally {
				gc.dispose();
			}
			// the changes column takes what the others leave, also once the view grows
			IWorkbenchPartReference ref = page().getReference(view);
			page().setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
			UiWait.settle(400);
			int others = 0;
			for (int c = 0; c < changes; c++) {
				others += t.getColumn(c).getWidth();
			}
			int client = t.getClientArea().width;
			assertTrue(others + t.getColumn(changes).getWidth() >= client, "the columns fill the view: "
					+ (others + t.getColumn(changes).getWidth()) + " < " + client);

			// a click on a green cell selects the row and marks that cell (and opens nothing: it holds)
			Rectangle green = t.getItem(1).getBounds(2);
			Event click = new Event();
			click.x = green.x + green.width / 2;
			click.y = green.y + green.height / 2;
			click.button = 1;
			t.notifyListeners(SWT.MouseDown, click);
			assertEquals(1, t.getSelectionIndex());
			assertEquals(2, view.selectedColumn());

			// the selection on a red cell: row p02, x86_64
			view.select(2, 1);
			assertEquals(2, t.getSelectionIndex());
			t.redraw();
			t.update();
			UiWait.settle(300);
			ImageData shot = capture(t);
			RGB red = new RGB(250, 190, 190);
			RGB greenRgb = new RGB(200, 240, 200);
			RGB redUnselected = dominant(shot, t.getItem(3).getBounds(1));
			RGB redSelected = dominant(shot, t.getItem(2).getBounds(1));
			RGB greenUnselected = dominant(shot, t.getItem(3).getBounds(3));
			RGB greenSelected = dominant(shot, t.getItem(2).getBounds(3));
			assertEquals(red, redUnselected, "an unselected red cell is red");
			assertEquals(greenRgb, greenUnselected, "an unselected green cell is green");
			assertNotEquals(redUnselected, redSelected, "a selected red cell looks selected");
			assertNotEquals(greenUnselected, greenSelected, "a green cell of the selected row looks selected");
			assertTrue(redSelected.red > redSelected.green + 40 && redSelected.red > redSelected.blue + 40,
					"a selected red cell is still red: " + redSelected);
			assertTrue(greenSelected.green > greenSelected.red + 40 && greenSelected.green > greenSelected.blue + 40,
					"a selected green cell is still green: " + greenSelected);
			// the marked cell is framed in the selection colour, the others of its row are not
			RGB frame = t.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION).getRGB();
			assertTrue(count(shot, t.getItem(2).getBounds(1), frame) > t.getItem(2).getBounds(1).height,
					"the marked cell has a frame");
			assertTrue(count(shot, t.getItem(3).getBounds(1), frame) == 0, "an unselected cell has none");
			assertTrue(count(shot, t.getItem(2).getBounds(2), frame) == 0, "nor has another cell of the row");
			Screenshots.save("matrix-view-selection");
			page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);
			UiWait.settle(200);
		} finally {
			if (previous != null) {
				PtlockUiPlugin.services().runs().publish(previous);
			}
		}
	}

	/** What the table shows on screen now. */
	private static ImageData capture(Table t) {
		// in the table's own coordinates, those of the cells' bounds
		Point size = t.getSize();
		Image image = new Image(t.getDisplay(), size.x, size.y);
		GC gc = new GC(t);
		try {
			gc.copyArea(image, 0, 0);
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** The most frequent colour inside a cell (its background: the text and the frame take fewer pixels). */
	private static RGB dominant(ImageData shot, Rectangle cell) {
		Map<RGB, Integer> counts = new HashMap<>();
		for (int x = cell.x + 3; x < cell.x + cell.width - 3; x++) {
			for (int y = cell.y + 3; y < cell.y + cell.height - 3; y++) {
				if (x >= 0 && y >= 0 && x < shot.width && y < shot.height) {
					counts.merge(shot.palette.getRGB(shot.getPixel(x, y)), 1, Integer::sum);
				}
			}
		}
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	private static int count(ImageData shot, Rectangle cell, RGB colour) {
		int n = 0;
		for (int x = cell.x; x < cell.x + cell.width; x++) {
			for (int y = cell.y; y < cell.y + cell.height; y++) {
				if (x >= 0 && y >= 0 && x < shot.width && y < shot.height
						&& colour.equals(shot.palette.getRGB(shot.getPixel(x, y)))) {
					n++;
				}
			}
		}
		return n;
	}
}
