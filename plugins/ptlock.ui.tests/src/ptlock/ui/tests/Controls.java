package ptlock.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;

/**
 * Finds a form's controls as a user does, by the label in front of them (field editors and the launch tab put the
 * label, then its control, in one parent), and works them as a user would.
 */
final class Controls {
	private Controls() {
	}

	/** The control after the label whose text (mnemonic dropped) starts with the given text, anywhere under root. */
	static <T extends Control> T after(Composite root, String label, Class<T> type) {
		T found = find(root, label, type);
		if (found == null) {
			throw new AssertionError("no " + type.getSimpleName() + " after a label '" + label + "'");
		}
		return found;
	}

	private static <T extends Control> T find(Composite parent, String label, Class<T> type) {
		Control[] children = parent.getChildren();
		for (int i = 0; i < children.length; i++) {
			if (children[i] instanceof Label l && l.getText().replace("&", "").startsWith(label)
					&& i + 1 < children.length && type.isInstance(children[i + 1])) {
				return type.cast(children[i + 1]);
			}
			if (children[i] instanceof Composite c) {
				T inner = find(c, label, type);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	/** Presses the button whose text (mnemonic dropped) is the given text, anywhere under root. */
	static void press(Composite root, String text) {
		org.eclipse.swt.widgets.Button b = button(root, text);
		if (b == null) {
			throw new AssertionError("no button '" + text + "'");
		}
		b.notifyListeners(SWT.Selection, new Event());
	}

	private static org.eclipse.swt.widgets.Button button(Composite parent, String text) {
		for (Control c : parent.getChildren()) {
			if (c instanceof org.eclipse.swt.widgets.Button b && b.getText().replace("&", "").equals(text)) {
				return b;
			}
			if (c instanceof Composite inner && button(inner, text) != null) {
				return button(inner, text);
			}
		}
		return null;
	}

	/** Chooses the item of a combo whose text starts with the given text, and tells its listeners. */
	static void choose(Combo combo, String item) {
		for (int i = 0; i < combo.getItemCount(); i++) {
			if (combo.getItem(i).startsWith(item)) {
				combo.select(i);
				combo.notifyListeners(SWT.Selection, new Event());
				combo.notifyListeners(SWT.Modify, new Event());
				return;
			}
		}
		throw new AssertionError("no item '" + item + "' in " + java.util.List.of(combo.getItems()));
	}
}
