package ptlock.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import ptlock.lang.ide.outline.OutlineItems;
import ptlock.lang.load.LoadedSpec;
import ptlock.ui.PtlockUiPlugin;

/**
 * The Outline view of a .ptl editor: paths, primitives, properties, constants, globals and scenarios (with their
 * threads, architectures and expectations). Parsed in a job after each pause in typing; selecting an item selects
 * its name in the editor.
 */
public final class PtlockOutlinePage extends ContentOutlinePage {
	private final ITextEditor editor;
	private final Job parse;
	private final IDocumentListener changes = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			parse.schedule(400);
		}
	};

	public PtlockOutlinePage(ITextEditor editor) {
		this.editor = editor;
		this.parse = Job.create("ptlock outline", monitor -> {
			IDocument doc = document();
			IFile file = doc == null ? null : Documents.file(doc);
			if (file == null) {
				return Status.OK_STATUS;
			}
			LoadedSpec spec = PtlockUiPlugin.services().loader().loadText(file.getLocation().toFile().toPath(), doc.get());
			List<OutlineItems.Item> items = OutlineItems.of(spec.main());
			TreeViewer v = getTreeViewer();
			if (v != null && !v.getControl().isDisposed()) {
				v.getControl().getDisplay().asyncExec(() -> {
					if (!v.getControl().isDisposed()) {
						v.setInput(items);
						v.expandAll();
					}
				});
			}
			return Status.OK_STATUS;
		});
		parse.setSystem(true);
	}

	private IDocument document() {
		return editor.getDocumentProvider() == null ? null
				: editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer v = getTreeViewer();
		v.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((OutlineItems.Item) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineItems.Item) element).children().isEmpty();
			}
		});
		v.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				OutlineItems.Item i = (OutlineItems.Item) element;
				return i.label() + "  [" + i.kind() + "]";
			}
		});
		v.addSelectionChangedListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineItems.Item i) {
				editor.selectAndReveal(i.offset(), i.length());
			}
		});
		IDocument doc = document();
		if (doc != null) {
			doc.addDocumentListener(changes);
		}
		parse.schedule();
	}

	/** For tests: the items shown (after the parse job ran). */
	@SuppressWarnings("unchecked")
	public List<OutlineItems.Item> items() {
		Object in = getTreeViewer() == null ? null : getTreeViewer().getInput();
		return in == null ? List.of() : (List<OutlineItems.Item>) in;
	}

	@Override
	public void dispose() {
		IDocument doc = document();
		if (doc != null) {
			doc.removeDocumentListener(changes);
		}
		parse.cancel();
		super.dispose();
	}
}
