package ptlock.ui.markers;

import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import ptlock.lang.ide.fix.RecheckFix;
import ptlock.lang.validation.IssueCodes;

/**
 * Quick fix for ptlock.unchecked-nolock-write (Jann Horn's rule): guard the write with the pmd_same() recheck under
 * the map's ptl (RecheckFix says where it can; QuickFixOnShippedSpecsTest checks the result validates). In
 * an open editor the change is left unsaved (as other quick fixes do); a closed file is saved.
 */
public final class RecheckQuickFix implements IMarkerResolutionGenerator2 {
	/** Only where RecheckFix has an edit: a resolution that changes nothing would be worse than none. */
	@Override
	public boolean hasResolutions(IMarker marker) {
		if (!IssueCodes.UNCHECKED_NOLOCK_WRITE.equals(marker.getAttribute(ProblemMarkers.CODE, ""))
				|| !(marker.getResource() instanceof IFile file)) {
			return false;
		}
		String text = text(file);
		return text != null && RecheckFix.at(text, marker.getAttribute(IMarker.CHAR_START, -1)).isPresent();
	}

	/** The file's text as the editor has it (unsaved changes included), else as saved; null if unreadable. */
	private static String text(IFile file) {
		ITextFileBuffer open = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
				LocationKind.IFILE);
		if (open != null) {
			return open.getDocument().get();
		}
		try (java.io.InputStream in = file.getContents()) {
			return new String(in.readAllBytes(), file.getCharset());
		} catch (CoreException | java.io.IOException e) {
			return null;
		}
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return hasResolutions(marker) ? new IMarkerResolution[] { new Resolution() } : new IMarkerResolution[0];
	}

	private static final class Resolution implements IMarkerResolution2 {
		@Override
		public String getLabel() {
			return "Recheck the PMD entry under the map's ptl: if (pmd_same(...)) ...";
		}

		@Override
		public String getDescription() {
			return "Writes through the *_nolock pointer only if the PMD entry still points at the table it was looked"
					+ " up in, under the ptl the map gave (Jann Horn's rule); a ptl recomputed by pte_lockptr() is"
					+ " replaced by the map's.";
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			if (!(marker.getResource() instanceof IFile file)) {
				return;
			}
			ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
			IPath path = file.getFullPath();
			boolean open = buffers.getTextFileBuffer(path, LocationKind.IFILE) != null;
			try {
				buffers.connect(path, LocationKind.IFILE, null);
				try {
					ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
					IDocument doc = buffer.getDocument();
					Optional<RecheckFix.Edit> edit = RecheckFix.at(doc.get(), marker.getAttribute(IMarker.CHAR_START, -1));
					if (edit.isPresent()) {
						doc.replace(edit.get().offset(), edit.get().length(), edit.get().text());
						if (!open) {
							buffer.commit(null, true);
						}
					}
				} finally {
					buffers.disconnect(path, LocationKind.IFILE, null);
				}
			} catch (CoreException | BadLocationException e) {
				ILog.of(RecheckQuickFix.class).error("the pmd_same() quick fix failed on " + file, e);
			}
		}
	}
}
