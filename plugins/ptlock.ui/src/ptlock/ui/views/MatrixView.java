package ptlock.ui.views;


import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
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

	private Label summary;
	private Table table;
	private Matrix matrix;
	private Color green;
	private Color red;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		summary = new Label(parent, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary.setText("Run As > ptlock matrix on a spec that includes a series and architectures.");
		// no full-row selection: a selected row would hide its cells' colours
		table = new Table(parent, SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		green = new Color(parent.getDisplay(), 200, 240, 200);
		red = new Color(parent.getDisplay(), 250, 190, 190);
		table.addDisposeListener(e -> {
			green.dispose();
			red.dispose();
		});
		// never paint a selection over the cells: the colours are the point of the view
		table.addListener(SWT.EraseItem, e -> e.detail &= ~(SWT.SELECTED | SWT.HOT));
		table.addListener(SWT.MouseDown, e -> {
			if (matrix == null) {
				return;
			}
			// find the cell by its bounds (without full-row selection, getItem(Point) only sees the first column)
			for (int row = table.getTopIndex(); row < table.getItemCount(); row++) {
				TableItem item = table.getItem(row);
				for (int c = 1; c <= matrix.archs.size(); c++) {
					if (item.getBounds(c).contains(e.x, e.y)) {
						open(row, c - 1);
						return;
					}
				}
			}
		});
		listen();
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
		column("patch", 70);
		matrix.archs.forEach(a -> column(a, 110));
		column("changes in the model", 600);
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
		// columns as wide as their longest cell, the model changes last
		for (int c = 1; c <= matrix.archs.size(); c++) {
			table.getColumn(c).pack();
			table.getColumn(c).setWidth(Math.max(80, table.getColumn(c).getWidth() + 8));
		}
		table.deselectAll();
		table.setRedraw(true);
	}

	private void column(String title, int width) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(title);
		c.setWidth(width);
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
			view.show(v.program(), v.result());
		} catch (PartInitException e) {
			summary.setText(e.getMessage());
		}
	}

	/** For tests and screenshots. */
	public Table table() {
		return table;
	}

	@Override
	protected org.eclipse.swt.widgets.Control control() {
		return table;
	}
}
