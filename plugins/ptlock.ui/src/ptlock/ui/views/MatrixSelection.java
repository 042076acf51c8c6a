package ptlock.ui.views;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Draws the matrix view's selection itself, since the platform's would paint over the verdict colours (or, without
 * full-row selection, not show on them at all): the selected row is tinted (a coloured cell keeps its hue, deeper;
 * the other cells take a light shade of the selection colour) and edged above and below with a lighter one, and the
 * marked cell of the row (the one clicked, or moved to with the arrow keys) is framed in the selection colour.
 */
final class MatrixSelection {
	/** The background a cell has by itself: its verdict colour, or null (the table's). */
	interface Colours {
		Color at(int row, int column);
	}

	private final Table table;
	private final Colours colours;
	private final Map<RGB, Color> shades = new HashMap<>();
	private int row = -1;
	private int column = -1;

	MatrixSelection(Table table, Colours colours) {
		this.table = table;
		this.colours = colours;
		table.addListener(SWT.EraseItem, this::erase);
		table.addListener(SWT.PaintItem, this::paint);
		table.addDisposeListener(e -> shades.values().forEach(Color::dispose));
	}

	void select(int row, int column) {
		if (row == this.row && column == this.column) {
			return;
		}
		this.row = row;
		this.column = column;
		if (!table.isDisposed()) {
			table.redraw();
		}
	}

	int row() {
		return row;
	}

	int column() {
		return column;
	}

	/** The colour a cell of the selected row is filled with. */
	RGB selectedBackground(int row, int column) {
		Color base = colours.at(row, column);
		RGB selection = table.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION).getRGB();
		if (base == null) {
			return blend(table.getBackground().getRGB(), selection, 0.3);
		}
		// the same hue, deeper: twice as far from white
		RGB c = base.getRGB();
		return new RGB(deeper(c.red), deeper(c.green), deeper(c.blue));
	}

	/** The colour of the row's edges and the marked cell's frame. */
	RGB frame() {
		return table.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION).getRGB();
	}

	private static int deeper(int v) {
		return Math.max(0, Math.min(255, 255 - 2 * (255 - v) - 10));
	}

	private static RGB blend(RGB a, RGB b, double t) {
		return new RGB((int) Math.round(a.red * (1 - t) + b.red * t), (int) Math.round(a.green * (1 - t) + b.green * t),
				(int) Math.round(a.blue * (1 - t) + b.blue * t));
	}

	private Color colour(RGB rgb) {
		return shades.computeIfAbsent(rgb, c -> new Color(table.getDisplay(), c));
	}

	private void erase(Event e) {
		// never the platform's selection or hover highlight: they would hide the verdicts
		e.detail &= ~(SWT.SELECTED | SWT.HOT | SWT.FOCUSED);
		TableItem item = (TableItem) e.item;
		if (table.indexOf(item) != row) {
			return;
		}
		Rectangle b = item.getBounds(e.index);
		GC gc = e.gc;
		Color old = gc.getBackground();
		gc.setBackground(colour(selectedBackground(row, e.index)));
		gc.fillRectangle(b.x, b.y, b.width, b.height);
		gc.setBackground(old);
		e.detail &= ~SWT.BACKGROUND;
	}

	private void paint(Event e) {
		TableItem item = (TableItem) e.item;
		if (table.indexOf(item) != row) {
			return;
		}
		Rectangle b = item.getBounds(e.index);
		GC gc = e.gc;
		Color old = gc.getForeground();
		int oldWidth = gc.getLineWidth();
		if (e.index == column) {
			gc.setForeground(colour(frame()));
			gc.setLineWidth(2);
			gc.drawRectangle(b.x + 1, b.y + 1, b.width - 2, b.height - 2);
		} else {
			// the row's edges, lighter than the marked cell's frame
			gc.setForeground(colour(blend(frame(), table.getBackground().getRGB(), 0.4)));
			gc.drawLine(b.x, b.y, b.x + b.width - 1, b.y);
			gc.drawLine(b.x, b.y + b.height - 1, b.x + b.width - 1, b.y + b.height - 1);
		}
		gc.setLineWidth(oldWidth);
		gc.setForeground(old);
	}
}
