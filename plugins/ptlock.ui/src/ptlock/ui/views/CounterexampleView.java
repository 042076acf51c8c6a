package ptlock.ui.views;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.ir.ThreadIr;
import ptlock.report.RaceRows;

/**
 * A counterexample as kernel developers draw races: one column per CPU, one row per step with the line of kernel
 * code that CPU ran, and the variables the step changed (highlighted). Selecting a row selects its line in the .ptl
 * editor. A filter hides variables. The table is virtual: rows are made when they scroll into view, so traces of
 * thousands of steps stay responsive.
 */
public final class CounterexampleView extends ViewPart {
	public static final String ID = "ptlock.ui.counterexampleView";

	private Label header;
	private Text filter;
	private Table table;
	private RaceRows rows;
	private Pattern hidden;
	private Color changedColor;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		header = new Label(parent, SWT.WRAP);
		header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		header.setText("Run a check (Run As > ptlock check), then double-click a violated property in the ptlock "
				+ "Results view.");
		new Label(parent, SWT.NONE).setText("Hide variables (regex):");
		filter = new Text(parent, SWT.BORDER | SWT.SEARCH);
		filter.setMessage("e.g. rcu_.*|gp_wait");
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filter.addModifyListener(e -> setFilter(filter.getText()));
		table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
		table.addListener(SWT.Selection, e -> revealSelected());
		changedColor = new Color(parent.getDisplay(), 255, 240, 180);
		table.addDisposeListener(e -> changedColor.dispose());
	}

	/** Shows one property's counterexample. */
	public void show(Program program, PropertyResult result) {
		rows = new RaceRows(program, result);
		Property prop = program.property(result.property());
		RaceRows.Row last = rows.rows().isEmpty() ? null : rows.rows().get(rows.rows().size() - 1);
		header.setText(result.property() + " " + result.verdict().code() + " in " + program.title()
				+ (prop != null && prop.doc() != null ? ": " + prop.doc() : "")
				+ (last == null ? "" : "\nfails after step " + last.number() + " (" + last.thread() + ", "
						+ java.nio.file.Path.of(last.loc().file()).getFileName() + ":" + last.loc().line() + ")")
				+ "  -  " + rows.rows().size() + " steps");
		table.setRedraw(false);
		for (TableColumn c : table.getColumns()) {
			c.dispose();
		}
		column("#", 40);
		for (ThreadIr t : rows.columns()) {
			column(RaceRows.header(t), 260);
		}
		column("changed", 380);
		table.clearAll();
		table.setItemCount(rows.rows().size());
		table.setRedraw(true);
		header.getParent().layout(true, true);
	}

	private void column(String title, int width) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(title);
		c.setWidth(width);
	}

	private void fill(TableItem item, int index) {
		RaceRows.Row r = rows.rows().get(index);
		List<ThreadIr> cpus = rows.columns();
		item.setText(0, Integer.toString(r.number()));
		for (int k = 0; k < cpus.size(); k++) {
			item.setText(k + 1, cpus.get(k).name().equals(r.thread()) ? r.label() : "");
		}
		String changed = changed(r.changed());
		item.setText(cpus.size() + 1, changed);
		if (!changed.isEmpty()) {
			item.setBackground(cpus.size() + 1, changedColor);
		}
	}

	private String changed(Map<String, String> vars) {
		return vars.entrySet().stream().filter(e -> hidden == null || !hidden.matcher(e.getKey()).matches())
				.map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
	}

	/** Hides the variables whose name matches the regular expression (empty: none). */
	public void setFilter(String regex) {
		try {
			hidden = regex == null || regex.isBlank() ? null : Pattern.compile(regex.strip());
			filter.setToolTipText(null);
		} catch (PatternSyntaxException e) {
			filter.setToolTipText(e.getDescription());
			return;
		}
		if (!filter.getText().equals(regex == null ? "" : regex)) {
			filter.setText(regex == null ? "" : regex);
		}
		table.clearAll();
	}

	private void revealSelected() {
		int i = table.getSelectionIndex();
		if (rows == null || i < 0) {
			return;
		}
		try {
			Editors.reveal(getSite().getPage(), rows.rows().get(i).loc());
		} catch (PartInitException e) {
			header.setText(e.getMessage());
		}
	}

	/** For tests and screenshots. */
	public Table table() {
		return table;
	}

	/** Selects a row as a click does (and reveals its line). */
	public void select(int row) {
		table.setSelection(row);
		revealSelected();
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}
}
