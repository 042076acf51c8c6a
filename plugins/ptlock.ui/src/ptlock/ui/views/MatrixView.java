package ptlock.ui.views;


import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import ptlock.lang.matrix.Matrix;
import ptlock.ui.check.CheckRun;

/**
 * The verdict matrix of a series (Run As > ptlock matrix): rows are the patches applied so far, columns the
 * architectures; a green cell holds, a red one names the violated properties. Click a red cell to see its race.
 */
public final class MatrixView extends RunView {
	public static final String ID = "ptlock.ui.matrixView";

	/** the changes column's title */
	public static final String CHANGES = "changes in the model";
	static final RGB GREEN = new RGB(200, 240, 200);
	static final RGB RED = new RGB(250, 190, 190);
	private static final int PAD = 12;

	private Label summary;
	private Table table;
	private Matrix matrix;
	private Color green;
	private Color red;
	private MatrixSelection painter;
	/** the width of the changes column's longest text (with the title) */
	private int changesWidth;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		summary = new Label(parent, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary.setText("Run As > ptlock matrix on a spec that includes a series and architectures.");
		table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		green = new Color(parent.getDisplay(), GREEN);
		red = new Color(parent.getDisplay(), RED);
		// the platform's selection would hide the cells' colours: the view draws it itself (MatrixSelection)
		painter = new MatrixSelection(table, this::cellColour);
		table.addListener(SWT.MouseDown, e -> {
			if (matrix == null) {
				return;
			}
			// find the cell by its bounds (the row's item, then the column under the pointer)
			for (int row = table.getTopIndex(); row < table.getItemCount(); row++) {
				TableItem item = table.getItem(row);
				for (int c = 0; c < table.getColumnCount(); c++) {
					if (item.getBounds(c).contains(e.x, e.y)) {
						select(row, c);
						if (c >= 1 && c <= matrix.archs.size() && e.button == 1) {
							open(row, c - 1);
						}
						return;
					}
				}
			}
		});
		table.addListener(SWT.KeyDown, e -> {
			if (matrix == null || table.getSelectionIndex() < 0) {
				return;
			}
			int row = table.getSelectionIndex();
			int column = Math.max(1, painter.column());
			if (e.keyCode == SWT.ARROW_LEFT || e.keyCode == SWT.ARROW_RIGHT) {
				int next = column + (e.keyCode == SWT.ARROW_LEFT ? -1 : 1);
				select(row, Math.min(Math.max(1, next), matrix.archs.size()));
				e.doit = false;
			} else if (e.character == SWT.CR) {
				open(row, column - 1);
			}
		});
		// up and down move the row, the column stays
		table.addListener(SWT.Selection, e -> painter.select(table.getSelectionIndex(), painter.column()));
		// the model changes take what the view leaves over, at least their longest line
		table.addListener(SWT.Resize, e -> fitChanges());
		table.addDisposeListener(e -> {
			green.dispose();
			red.dispose();
		});
		listen();
	}

	/** The colour of a verdict cell, or null for the other columns (patch, changes). */
	private Color cellColour(int row, int column) {
		if (matrix == null || column < 1 || column > matrix.archs.size() || row < 0 || row >= matrix.rows.size()) {
			return null;
		}
		Matrix.Cell cell = matrix.cells.get(matrix.rows.get(row)).get(matrix.archs.get(column - 1));
		return cell == null ? null : cell.holds() ? green : red;
	}

	@Override
	protected void show(CheckRun run) {
		if (table.isDisposed() || run.matrix() == null) {
			return;
		}
		matrix = run.matrix();
		summary.setText(run.spec().getFileName() + ": " + run.message());
		table.setRedraw(false);
		table.removeAll();
		for (TableColumn c : table.getColumns()) {
			c.dispose();
		}
		column("patch");
		matrix.archs.forEach(this::column);
		column(CHANGES);
		for (String r : matrix.rows) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(0, r);
			for (int k = 0; k < matrix.archs.size(); k++) {
				Matrix.Cell cell = matrix.cells.get(r).get(matrix.archs.get(k));
				item.setText(k + 1, cell.holds() ? "holds" : String.join(", ", cell.properties()));
				item.setBackground(k + 1, cell.holds() ? green : red);
			}
			item.setText(matrix.archs.size() + 1, String.join("; ", matrix.changes.getOrDefault(r, java.util.List.of())));
		}
		// every column as wide as its title and longest cell; the model changes also fill the rest of the view
		for (TableColumn c : table.getColumns()) {
			c.pack();
			c.setWidth(c.getWidth() + PAD);
		}
		for (int c = 1; c <= matrix.archs.size(); c++) {
			table.getColumn(c).setWidth(Math.max(80, table.getColumn(c).getWidth()));
		}
		changesWidth = table.getColumn(table.getColumnCount() - 1).getWidth();
		fitChanges();
		table.deselectAll();
		painter.select(-1, -1);
		table.setRedraw(true);
	}

	/** The changes column: at least as wide as its longest text, and as wide as the space the others leave. */
	private void fitChanges() {
		int n = table.getColumnCount();
		if (n == 0 || matrix == null) {
			return;
		}
		int others = 0;
		for (int c = 0; c < n - 1; c++) {
			others += table.getColumn(c).getWidth();
		}
		int width = Math.max(changesWidth, table.getClientArea().width - others);
		if (table.getColumn(n - 1).getWidth() != width) {
			table.getColumn(n - 1).setWidth(width);
		}
	}

	private void column(String title) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(title);
		c.setWidth(80);
	}

	/**
	 * Selects a row and marks one of its cells (the one a click or the arrow keys went to): the row is tinted, the
	 * cell framed, and the verdict colours stay visible under both.
	 */
	public void select(int row, int column) {
		if (row < 0 || row >= table.getItemCount()) {
			return;
		}
		if (table.getSelectionIndex() != row) {
			table.setSelection(row);
		}
		painter.select(row, column);
	}

	/** Opens the race of a red cell (row index, architecture index) in the counterexample view. */
	public void open(int row, int arch) {
		Matrix.Cell cell = matrix.cells.get(matrix.rows.get(row)).get(matrix.archs.get(arch));
		if (cell.holds()) {
			return;
		}
		Matrix.Violation v = cell.violations().get(0);
		try {
			CounterexampleView view = (CounterexampleView) getSite().getPage().showView(CounterexampleView.ID, null,
					IWorkbenchPage.VIEW_ACTIVATE);
			view.show(v.program(), v.result(), v.context(cell));
		} catch (PartInitException e) {
			summary.setText(e.getMessage());
		}
	}

	/** For tests and screenshots. */
	public Table table() {
		return table;
	}

	/** The marked cell's column (-1: none), for tests. */
	public int selectedColumn() {
		return painter.column();
	}

	@Override
	protected org.eclipse.swt.widgets.Control control() {
		return table;
	}
}
