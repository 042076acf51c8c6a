package ptlock.ui.tests;

import java.io.File;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves a PNG of the active workbench window (into target/screenshots), for people to look at. */
final class Screenshots {
	private Screenshots() {
	}

	static void save(String name) {
		String dir = System.getProperty("ptlock.screenshots");
		if (dir == null) {
			return;
		}
		Display display = Display.getCurrent();
		// the workbench window: the screen area it covers includes its popups (content assist, hovers)
		org.eclipse.ui.IWorkbenchWindow window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		Shell shell = window != null ? window.getShell()
				: display.getActiveShell() != null ? display.getActiveShell() : display.getShells()[0];
		// and the popups (hovers, completion) that reach past it, clipped to the screen
		Rectangle r = shell.getBounds();
		for (Shell popup : shell.getShells()) {
			if (popup.isVisible()) {
				r = r.union(popup.getBounds());
			}
		}
		r = r.intersection(display.getBounds());
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, r.x, r.y);
			new File(dir).mkdirs();
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			loader.save(new File(dir, name + ".png").getPath(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
