package ptlock.ui.editor;

import java.util.Optional;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import ptlock.lang.ide.navigation.Declarations;
import ptlock.ui.PtlockUiPlugin;

/** Opens the declaration of a name: in this file, an included one (the prelude), or an .xmi model. */
public final class DeclarationHyperlink implements IHyperlink {
	private final IRegion region;
	private final IFile file;
	private final String text;
	private final int offset;

	DeclarationHyperlink(IRegion region, IFile file, String text, int offset) {
		this.region = region;
		this.file = file;
		this.text = text;
		this.offset = offset;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return region;
	}

	@Override
	public String getTypeLabel() {
		return "ptlock declaration";
	}

	@Override
	public String getHyperlinkText() {
		return "Open Declaration";
	}

	@Override
	public void open() {
		Optional<Declarations.Target> t = PtlockUiPlugin.services().declarations()
				.at(file.getLocation().toFile().toPath(), text, offset);
		if (t.isEmpty()) {
			PlatformUI.getWorkbench().getDisplay().beep();
			return;
		}
		try {
			open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), t.get());
		} catch (PartInitException e) {
			PlatformUI.getWorkbench().getDisplay().beep();
		}
	}

	/** Opens a target: a workspace file if it is one, else the file outside the workspace. */
	static IEditorPart open(IWorkbenchPage page, Declarations.Target t) throws PartInitException {
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(t.file().toUri());
		IEditorPart part = files.length > 0 ? IDE.openEditor(page, files[0])
				: IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(t.file().toUri()));
		ITextEditor editor = part == null ? null : part.getAdapter(ITextEditor.class);
		if (editor != null) {
			editor.selectAndReveal(t.offset(), t.length());
		}
		return part;
	}
}
