package ptlock.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ptlock.lang.validation.IssueCodes;
import ptlock.ui.editor.TokenStyles;
import ptlock.ui.markers.ProblemMarkers;

/** The .ptl editor in a real workbench: a fresh project per test, no error may be logged. */
public class PtlockEditorTest {
	private static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
	private static final String GOOD = """
			spec demo;
			// a comment
			const N_TABLES = 2;
			var pmd: 0..N_TABLES;
			path fault() {
				pmd = 1;
			}
			""";

	private IProject project;
	private final ErrorLogGuard errors = new ErrorLogGuard();
	private IEditorPart editor;

	@BeforeEach
	public void setUp() throws CoreException {
		errors.start();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("ptlock-" + UUID.randomUUID());
		project.create(new NullProgressMonitor());
		project.open(new NullProgressMonitor());
		PlatformUI.getWorkbench().getIntroManager().closeIntro(PlatformUI.getWorkbench().getIntroManager().getIntro());
	}

	@AfterEach
	public void tearDown() throws CoreException {
		if (editor != null) {
			editor.getSite().getPage().closeEditor(editor, false);
		}
		project.delete(true, true, new NullProgressMonitor());
		List<IStatus> logged = errors.stop();
		if (!logged.isEmpty()) {
			fail("errors were logged: " + logged);
		}
	}

	private IFile file(String name, String content) throws CoreException {
		IFile f = project.getFile(name);
		f.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return f;
	}

	private ITextViewer open(IFile f) throws CoreException {
		editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), f);
		return TextViewers.of(editor);
	}

	@Test
	public void ptlFilesOpenInTheGenericEditorWithHighlighting() throws CoreException {
		IContentType ct = Platform.getContentTypeManager().findContentTypeFor("x.ptl");
		assertNotNull(ct, "a content type for *.ptl");
		assertEquals("ptlock.ui.ptl", ct.getId());
		IFile f = file("demo.ptl", GOOD);
		IEditorDescriptor desc = IDE.getDefaultEditor(f);
		assertEquals(GENERIC_EDITOR, desc.getId());
		StyledText text = open(f).getTextWidget();
		assertEquals(GENERIC_EDITOR, editor.getSite().getId());
		assertTrue(editor instanceof ITextEditor);

		int keyword = GOOD.indexOf("const");
		UiWait.until(() -> colour(text, keyword, TokenStyles.KEYWORD), 10_000, "keyword 'const' highlighted");
		assertTrue(colour(text, GOOD.indexOf("spec"), TokenStyles.KEYWORD), "'spec' is a keyword");
		assertTrue(colour(text, GOOD.indexOf("// a comment") + 3, TokenStyles.COMMENT), "comment colour");
		assertTrue(!colour(text, GOOD.indexOf("demo"), TokenStyles.KEYWORD), "an identifier is not a keyword");
		assertTrue(!colour(text, GOOD.indexOf("N_TABLES"), TokenStyles.KEYWORD), "a name is not a keyword");
		// the screenshot shows the Outline filled in (it follows the validation, off the UI thread)
		org.eclipse.ui.IViewPart outline = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.findView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
		if (outline instanceof org.eclipse.ui.views.contentoutline.ContentOutline co) {
			UiWait.until(() -> co.getCurrentPage() != null && co.getCurrentPage().getControl()
					instanceof org.eclipse.swt.widgets.Tree tree && tree.getItemCount() > 0, 20_000, "the outline");
		}
		UiWait.settle(800); // painted
		Screenshots.save("editor-highlighting");
	}

	@Test
	public void brokenFileGetsAnErrorMarkerAndAnnotation() throws CoreException, PartInitException {
		IFile f = file("broken.ptl", "spec broken;\nconst N = ;\npath p() { x = 1; }\n");
		ITextViewer viewer = open(f);
		UiWait.until(() -> errorMarkers(f).length >= 2, 20_000, "error markers on broken.ptl");
		IMarker[] markers = errorMarkers(f);
		Set<Integer> lines = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (IMarker m : markers) {
			lines.add(m.getAttribute(IMarker.LINE_NUMBER, -1));
			codes.add(m.getAttribute(ProblemMarkers.CODE, ""));
		}
		assertTrue(lines.contains(2), "syntax error on line 2: " + lines);
		assertTrue(codes.contains("ptlock.syntax"), "a syntax error: " + codes);
		IAnnotationModel model = ((ISourceViewer) viewer).getAnnotationModel();
		UiWait.until(() -> hasErrorAnnotation(model), 10_000, "an error annotation in the editor");
		// the Problems view lists the markers
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		org.eclipse.ui.IViewPart problems = page.showView("org.eclipse.ui.views.ProblemView");
		page.activate(editor);
		UiWait.settle(1500);
		// expanded, so the screenshot shows the errors and their codes, not "Errors (2 items)"
		if (problems.getSite().getSelectionProvider() instanceof org.eclipse.jface.viewers.AbstractTreeViewer tree) {
			tree.expandAll();
		}
		UiWait.settle(500);
		Screenshots.save("editor-error-marker");
	}

	@Test
	public void unknownNameIsReportedWithItsIssueCode() throws CoreException {
		IFile f = file("unknown.ptl", """
				spec unknown;
				var x: 0..1;
				path p() {
					y = 1;
				}
				scenario s {
					thread cpu0 = p();
					expect no_deadlock holds;
				}
				""");
		open(f);
		UiWait.until(() -> Arrays.stream(errorMarkers(f))
				.anyMatch(m -> IssueCodes.UNKNOWN_NAME.equals(m.getAttribute(ProblemMarkers.CODE, ""))
						&& m.getAttribute(IMarker.LINE_NUMBER, -1) == 4),
				20_000, "unknown-name marker on line 4");
	}

	@Test
	public void contentAssistProposesKeywords() throws CoreException {
		String shown = proposal(file("assist.ptl", "spec assist;\nco"), "const");
		UiWait.settle(1000);
		Screenshots.save("editor-content-assist");
		assertTrue(shown.contains("ptlock keyword"), shown);
	}

	@Test
	public void contentAssistProposesPrimitivesWithSignatureAndDoc() throws CoreException {
		file("lib.ptl", """
				// take_it(): waits until the lock is free, then takes it.
				@acquires(l)
				atomic prim take_it(l) {
				}
				""");
		String shown = proposal(file("assist2.ptl", "spec assist;\ninclude \"lib.ptl\";\npath p() {\n\ttak"), "take_it");
		UiWait.settle(800);
		Screenshots.save("editor-content-assist-primitive");
		assertTrue(shown.contains("atomic prim take_it(l)") && shown.contains("waits until the lock is free"), shown);
	}

	/** Opens the file with the cursor at its end, asks for completion, and returns the popup line of a proposal. */
	private String proposal(IFile f, String proposal) throws CoreException {
		ITextViewer viewer = open(f);
		StyledText text = viewer.getTextWidget();
		((ITextEditor) editor).selectAndReveal(text.getCharCount(), 0);
		ITextOperationTarget target = (ITextOperationTarget) viewer;
		assertTrue(target.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS));
		Display display = Display.getCurrent();
		Set<Shell> before = new HashSet<>(Arrays.asList(display.getShells()));
		target.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		String[] found = new String[1];
		UiWait.until(() -> {
			for (Shell s : display.getShells()) {
				if (!before.contains(s) && s.isVisible()) {
					Table t = table(s);
					if (t != null) {
						for (TableItem item : t.getItems()) {
							if (item.getText().startsWith(proposal)) {
								found[0] = item.getText();
								return true;
							}
						}
					}
				}
			}
			return false;
		}, 15_000, "a completion popup proposing '" + proposal + "'");
		return found[0];
	}

	@Test
	public void hoverShowsAPrimitivesSignatureAndComment() throws CoreException {
		file("lib.ptl", """
				// take_it(): waits until the lock is free, then takes it.
				@acquires(l)
				atomic prim take_it(l) {
				}
				""");
		String use = "include \"lib.ptl\";\npath p() {\n\ttake_it(1);\n}\n";
		IFile f = file("use.ptl", use);
		ITextViewer viewer = open(f);
		ptlock.ui.editor.PtlockHoverProvider hover = new ptlock.ui.editor.PtlockHoverProvider();
		int at = use.indexOf("take_it") + 2;
		org.eclipse.jface.text.IRegion region = hover.getHoverRegion(viewer, at);
		assertEquals(use.indexOf("take_it"), region.getOffset());
		assertEquals("take_it".length(), region.getLength());
		@SuppressWarnings("deprecation")
		String info = hover.getHoverInfo(viewer, region);
		assertNotNull(info, "a hover for take_it");
		assertTrue(info.startsWith("atomic prim take_it(l)"), info);
		assertTrue(info.contains("waits until the lock is free"), info);
		assertTrue(info.contains("static rules: @acquires(l)"), info);
		assertTrue(info.contains("lib.ptl:2"), info);
	}

	private static IMarker[] errorMarkers(IFile f) {
		try {
			return Arrays.stream(f.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toArray(IMarker[]::new);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	private static boolean hasErrorAnnotation(IAnnotationModel model) {
		if (model == null) {
			return false;
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (a.getType().endsWith(".error")) {
				return true;
			}
		}
		return false;
	}

	private static boolean colour(StyledText text, int offset, org.eclipse.swt.graphics.RGB rgb) {
		StyleRange r = text.getStyleRangeAtOffset(offset);
		return r != null && r.foreground != null && rgb.equals(r.foreground.getRGB());
	}

	private static Table table(Control c) {
		if (c instanceof Table t) {
			return t;
		}
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				Table t = table(child);
				if (t != null) {
					return t;
				}
			}
		}
		return null;
	}
}
