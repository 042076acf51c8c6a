package ptlock.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import ptlock.check.CheckResult;
import ptlock.check.PropertyResult;
import ptlock.ui.check.CheckRun;

/**
 * The results of the latest check: each scenario (per architecture and engine), each property, its verdict, the
 * expectation and whether they match. Double-click a violated property to see its race.
 */
public final class ResultsView extends RunView {
	public static final String ID = "ptlock.ui.resultsView";

	/** One line of the table. */
	public record Line(CheckResult result, PropertyResult property) {
	}

	private Label summary;
	private TableViewer viewer;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		summary = new Label(parent, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column("scenario", 300, l -> l.result().program().title());
		column("engine", 60, l -> l.result().engine());
		column("states", 90, l -> String.format("%,d", l.result().stats().distinctStates()));
		column("property", 180, l -> l.property().property());
		column("verdict", 80, l -> l.property().verdict().code());
		column("expected", 80, l -> l.property().expected() == null ? "-" : l.property().expected().code());
		column("outcome", 150, l -> !completed(l) ? "not decided: " + l.result().status().name().toLowerCase(
				java.util.Locale.ROOT) : l.property().asExpected() ? "as expected" : "UNEXPECTED");
		viewer.addDoubleClickListener(e -> open(((IStructuredSelection) e.getSelection()).getFirstElement()));
		listen();
	}

	private void column(String title, int width, Function<Line, String> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Line) element);
			}

			@Override
			public Color getForeground(Object element) {
				// red for a surprise; a run stopped by cancel or the time limit decided nothing
				return ((Line) element).property().asExpected() || !completed((Line) element) ? null
						: viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_RED);
			}
		});
	}

	private static boolean completed(Line l) {
		return l.result().status() == ptlock.check.CheckStatus.COMPLETED;
	}

	@Override
	protected void show(CheckRun run) {
		if (viewer.getControl().isDisposed() || run.matrix() != null) {
			return;
		}
		List<Line> lines = new ArrayList<>();
		for (CheckResult r : run.results()) {
			r.properties().forEach(p -> lines.add(new Line(r, p)));
		}
		summary.setText(run.spec().getFileName() + ": " + run.message());
		viewer.setInput(lines);
	}

	/** Opens a line's counterexample, if it has one. */
	public void open(Object element) {
		if (element instanceof Line l && l.property().trace() != null) {
			try {
				CounterexampleView v = (CounterexampleView) getSite().getPage().showView(CounterexampleView.ID, null,
						IWorkbenchPage.VIEW_ACTIVATE);
				v.show(l.result().program(), l.property());
			} catch (PartInitException e) {
				summary.setText(e.getMessage());
			}
		}
	}

	/** For tests: the table's lines. */
	@SuppressWarnings("unchecked")
	public List<Line> lines() {
		Object in = viewer.getInput();
		return in == null ? List.of() : (List<Line>) in;
	}

	public TableViewer viewer() {
		return viewer;
	}

	@Override
	protected org.eclipse.swt.widgets.Control control() {
		return viewer == null ? null : viewer.getControl();
	}
}
