package ptlock.ui.views;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
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
import ptlock.report.race.Race;
import ptlock.report.race.RaceBuilder;

/**
 * A counterexample as kernel developers draw races ({@link Race}, the model the CLI and the reports draw too): one
 * column per CPU, one row per step with the line of kernel code that CPU ran, indented under the inlined call it
 * belongs to and with the way a branch went, and what the step changed in C notation (highlighted). The failing
 * step is marked. Columns are as wide as their content, and the last one takes what the view has left. Selecting a
 * row selects its line in the .ptl editor. A filter hides variables. The table is virtual: rows are made when they
 * scroll into view, so traces of thousands of steps stay responsive.
 */
public final class CounterexampleView extends ViewPart {
	public static final String ID = "ptlock.ui.counterexampleView";
	/** The title of the last column. */
	public static final String CHANGES = "changed";
	private static final String INDENT = "    ";
	private static final int PADDING = 24;

	private Label header;
	private Text filter;
	private Table table;
	/** The selected row in full, wrapped: its line, where it is, and each change on a line of its own. */
	private Text details;
	private Race race;
	private Pattern hidden;
	private Color changedColor;
	private Color failingColor;
	private Font bold;
	/** The width each column's content needs (the last column stretches beyond it to the view's edge). */
	private int[] contentWidths = new int[0];

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
		table.addListener(SWT.Resize, e -> fitColumns());
		details = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
		GridData detailsData = new GridData(SWT.FILL, SWT.BOTTOM, true, false, 2, 1);
		detailsData.heightHint = 5 * details.getLineHeight();
		details.setLayoutData(detailsData);
		details.setMessage("Select a step to see it in full, with everything it changed.");
		changedColor = new Color(parent.getDisplay(), 255, 240, 180);
		failingColor = new Color(parent.getDisplay(), 246, 200, 192);
		FontData[] fd = table.getFont().getFontData();
		for (FontData d : fd) {
			d.setStyle(SWT.BOLD);
		}
		bold = new Font(parent.getDisplay(), fd);
		table.addDisposeListener(e -> {
			changedColor.dispose();
			failingColor.dispose();
			bold.dispose();
		});
	}

	/** Shows one property's counterexample. */
	public void show(Program program, PropertyResult result) {
		show(program, result, null);
	}

	/**
	 * Shows one property's counterexample where it was found (a matrix cell: "scenario s after p08 on x86_64"; null:
	 * the program's own scenario, patch and architecture).
	 */
	public void show(Program program, PropertyResult result, String context) {
		RaceBuilder builder = new RaceBuilder(program);
		race = context == null ? builder.build(result) : builder.build(result, context);
		Property prop = program.property(result.property());
		header.setText(result.property() + " " + result.verdict().code() + " in "
				+ (race == null ? program.title() : race.context())
				+ (prop != null && prop.doc() != null ? ": " + prop.doc() : "")
				+ (race == null ? "" : "\n" + race.failure() + "  -  " + race.steps().size() + " steps"));
		table.setRedraw(false);
		for (TableColumn c : table.getColumns()) {
			c.dispose();
		}
		column("#");
		List<Race.Column> cpus = race == null ? List.of() : race.columns();
		for (Race.Column c : cpus) {
			column(c.header());
		}
		column(CHANGES);
		table.clearAll();
		table.setItemCount(race == null ? 0 : race.rows().size());
		measure();
		fitColumns();
		table.setRedraw(true);
		header.getParent().layout(true, true);
	}

	private void column(String title) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(title);
	}

	/** The width of each column's widest text (the model is in memory: a virtual table cannot pack). */
	private void measure() {
		TableColumn[] cols = table.getColumns();
		contentWidths = new int[cols.length];
		GC gc = new GC(table);
		try {
			for (int c = 0; c < cols.length; c++) {
				contentWidths[c] = gc.textExtent(cols[c].getText()).x + PADDING;
			}
			gc.setFont(bold);
			for (int r = 0; race != null && r < race.rows().size(); r++) {
				String[] cells = cells(r);
				for (int c = 0; c < cells.length; c++) {
					contentWidths[c] = Math.max(contentWidths[c], gc.textExtent(cells[c]).x + PADDING);
				}
			}
		} finally {
			gc.dispose();
		}
	}

	/** Columns as wide as their content; the last one also takes what is left of the view. */
	private void fitColumns() {
		TableColumn[] cols = table.getColumns();
		if (cols.length == 0 || cols.length != contentWidths.length) {
			return; // nothing shown yet, or columns being remade
		}
		int used = 0;
		for (int c = 0; c < cols.length - 1; c++) {
			cols[c].setWidth(contentWidths[c]);
			used += contentWidths[c];
		}
		int left = table.getClientArea().width - used;
		cols[cols.length - 1].setWidth(Math.max(contentWidths[cols.length - 1], left));
	}

	/** The texts of row r: its number ("&gt;&gt; 36" on the failing step), one cell per CPU, what it changed. */
	private String[] cells(int index) {
		Race.Row r = race.rows().get(index);
		List<Race.Column> cpus = race.columns();
		String[] out = new String[cpus.size() + 2];
		out[0] = r.isCall() ? "" : (r.failing() ? ">> " : "") + r.number();
		for (int k = 0; k < cpus.size(); k++) {
			out[k + 1] = cpus.get(k).thread().equals(r.thread()) ? INDENT.repeat(r.depth()) + r.cell() : "";
		}
		out[cpus.size() + 1] = changed(r.changes());
		return out;
	}

	private void fill(TableItem item, int index) {
		Race.Row r = race.rows().get(index);
		String[] cells = cells(index);
		item.setText(cells);
		int last = cells.length - 1;
		if (!cells[last].isEmpty()) {
			item.setBackground(last, changedColor);
		}
		if (r.isCall()) {
			item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		}
		if (r.failing()) {
			item.setFont(bold);
			for (int c = 0; c < last; c++) {
				item.setBackground(c, failingColor);
			}
		}
	}

	/** What a step changed, without the variables the filter hides (matched by the variable's name). */
	private String changed(List<Race.Change> changes) {
		return changes.stream().filter(c -> hidden == null || !hidden.matcher(variable(c.target())).matches())
				.map(Race.Change::toString).collect(Collectors.joining(", "));
	}

	/** "lock_owner[ptl of PT page 1]" -> "lock_owner", "pte (pte_offset_map_lock)" -> "pte". */
	private static String variable(String target) {
		return target.split("[\\[. ]", 2)[0];
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

	private static String details(Race.Row r) {
		StringBuilder sb = new StringBuilder();
		sb.append(r.isCall() ? r.thread() + " calls " : r.thread() + ", step " + r.number() + ": ").append(r.cell());
		if (r.loc() != null) {
			sb.append("   (").append(java.nio.file.Path.of(r.loc().file()).getFileName()).append(':')
					.append(r.loc().line()).append(')');
		}
		if (r.failing()) {
			sb.append("   <- the property fails after this step");
		}
		r.changes().forEach(c -> sb.append('\n').append("    ").append(c));
		return sb.toString();
	}

	/** The selected row in full (for tests). */
	public String details() {
		return details.getText();
	}

	/** Whether row i is the step after which the property fails (the marked one). */
	public boolean isFailing(int row) {
		return race != null && race.rows().get(row).failing();
	}

	private void revealSelected() {
		int i = table.getSelectionIndex();
		if (race == null || i < 0) {
			return;
		}
		details.setText(details(race.rows().get(i)));
		try {
			Editors.reveal(getSite().getPage(), race.rows().get(i).loc());
		} catch (PartInitException e) {
			header.setText(e.getMessage());
		}
	}

	/** The text above the table: the property, where it failed (scenario, patch, architecture), the failing step. */
	public String headerText() {
		return header.getText();
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
