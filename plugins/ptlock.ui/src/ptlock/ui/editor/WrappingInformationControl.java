package ptlock.ui.editor;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.AbstractInformationControl;
import org.eclipse.jface.text.AbstractReusableInformationControlCreator;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IInformationControlExtension2;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Layout;
import org.eclipse.swt.widgets.Shell;

/**
 * The popup of a hover and of a completion's documentation: plain text (no HTML, so '&' and '<' in a signature stay
 * as they are) that wraps at the popup's width. It is as wide as its longest line, at most {@link #COLUMNS} average
 * characters (or what its manager allows), and as tall as the wrapped text; a word longer than a line is broken, not
 * cut. The first line (the signature) is bold. Resizable copies (F2, or a click into the documentation) rewrap as
 * they are resized and scroll.
 */
public final class WrappingInformationControl extends AbstractInformationControl implements IInformationControlExtension2 {
	/** The widest a popup gets, in average characters of its font. */
	public static final int COLUMNS = 80;
	private static final int MARGIN = 4;

	private StyledText text;

	/** A popup that cannot be resized, with an optional status line (e.g. "Press 'F2' for focus"). */
	public WrappingInformationControl(Shell parent, String statusFieldText) {
		super(parent, statusFieldText);
		create();
	}

	/** A resizable popup with a vertical scroll bar (the focused copy of a hover). */
	public WrappingInformationControl(Shell parent) {
		super(parent, true);
		create();
	}

	/** A creator of popups with this status line (null: none), reusing one per parent shell. */
	public static IInformationControlCreator creator(String statusFieldText) {
		return new AbstractReusableInformationControlCreator() {
			@Override
			protected IInformationControl doCreateInformationControl(Shell parent) {
				return new WrappingInformationControl(parent, statusFieldText);
			}
		};
	}

	@Override
	protected void createContent(Composite parent) {
		// a scroll bar only when the popup's manager makes it shorter than the text (content assist: the list's height)
		text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		text.setAlwaysShowScrollBars(false);
		text.setWordWrap(true);
		text.setForeground(parent.getForeground());
		text.setBackground(parent.getBackground());
		text.setFont(JFaceResources.getDialogFont());
		text.setMargins(MARGIN, MARGIN / 2, MARGIN, MARGIN / 2);
		// not a FillLayout: asked for its size without a width, the content is no wider than the maximum either (the
		// Generic Editor's composite hover, beside a marker's, asks so), and as tall as the text wrapped to that
		parent.setLayout(new Layout() {
			@Override
			protected Point computeSize(Composite composite, int wHint, int hHint, boolean flush) {
				int width = wHint;
				if (width == SWT.DEFAULT) {
					width = Math.min(text.computeSize(SWT.DEFAULT, SWT.DEFAULT, flush).x, maxTextWidth());
				}
				return text.computeSize(width, hHint, flush);
			}

			@Override
			protected void layout(Composite composite, boolean flush) {
				// given more (the composite hover is as wide as its widest part), still wrap at the maximum; a
				// resizable copy wraps at whatever width the user gives it
				Rectangle r = composite.getClientArea();
				text.setBounds(r.x, r.y, isResizable() ? r.width : Math.min(r.width, maxTextWidth()), r.height);
			}
		});
	}

	@Override
	public void setInformation(String information) {
		String s = information == null ? "" : information.strip();
		text.setText(s);
		int firstLine = s.indexOf('\n');
		int bold = firstLine < 0 ? s.length() : firstLine;
		if (bold > 0) {
			text.setStyleRange(new StyleRange(0, bold, null, null, SWT.BOLD));
		}
	}

	@Override
	public void setInput(Object input) {
		setInformation(input == null ? null : input.toString());
	}

	@Override
	public boolean hasContents() {
		return text.getCharCount() > 0;
	}

	/** The widest the text may be: {@link #COLUMNS} characters, or what the manager's constraint leaves. */
	private int maxTextWidth() {
		GC gc = new GC(text);
		int columns;
		try {
			gc.setFont(text.getFont());
			columns = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * COLUMNS);
		} finally {
			gc.dispose();
		}
		Rectangle textTrim = text.computeTrim(0, 0, 0, 0);
		int max = columns + text.getLeftMargin() + text.getRightMargin() + textTrim.width + text.getCaret().getSize().x;
		Point constraints = getSizeConstraints();
		return constraints == null ? max : Math.max(1, Math.min(max, constraints.x - computeTrim().width));
	}

	@Override
	public Point computeSizeHint() {
		// the layout keeps the width to the maximum and wraps the text to it
		return getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
	}

	@Override
	public void setForegroundColor(Color foreground) {
		super.setForegroundColor(foreground);
		text.setForeground(foreground);
	}

	@Override
	public void setBackgroundColor(Color background) {
		super.setBackgroundColor(background);
		text.setBackground(background);
	}

	@Override
	public IInformationControlCreator getInformationPresenterControlCreator() {
		return WrappingInformationControl::new;
	}

	/** The text widget (for tests). */
	public StyledText text() {
		return text;
	}
}
