package ptlock.report.race;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Race} as text for a terminal or a report: one column per CPU, each line of kernel code in the column of
 * the CPU that ran it, indented under the inlined call it belongs to, the failing step marked {@code >>}, then
 * what failed. Nothing is cut: a cell wider than its column wraps onto the next lines, and the columns share the
 * width given (a terminal's, or --width), down to a few characters a column: a race of many CPUs drawn very narrow
 * runs past the width rather than lose text.
 */
public final class RaceText {
	/** The width when none is given: wide enough for two CPUs of long kernel lines side by side. */
	public static final int DEFAULT_WIDTH = 160;
	private static final int MIN_COLUMN = 12;
	private static final String GAP = "   ";
	private static final int NUMBER = 8;
	private static final int INDENT = 2;

	private final int width;

	public RaceText(int width) {
		this.width = Math.max(width, NUMBER + MIN_COLUMN);
	}

	public RaceText() {
		this(DEFAULT_WIDTH);
	}

	public String render(Race race) {
		if (race == null) {
			return "";
		}
		List<Race.Column> cols = race.columns();
		int[] w = widths(race);
		StringBuilder out = new StringBuilder();
		List<List<String>> head = new ArrayList<>();
		for (int c = 0; c < cols.size(); c++) {
			head.add(wrap(cols.get(c).header(), w[c], 0));
		}
		lines(out, " ".repeat(NUMBER), head, w);
		for (Race.Row r : race.rows()) {
			List<List<String>> cells = new ArrayList<>();
			for (int c = 0; c < cols.size(); c++) {
				cells.add(cols.get(c).thread().equals(r.thread()) ? wrap(r.cell(), w[c], r.depth() * INDENT)
						: List.of());
			}
			String number = r.isCall() ? " ".repeat(NUMBER)
					: String.format("%s%4d  ", r.failing() ? ">>" : "  ", r.number());
			lines(out, number, cells, w);
		}
		for (String l : wrap(race.failure(), width - 2, 0)) {
			out.append("  ").append(l).append('\n');
		}
		for (String note : race.notes()) {
			for (String l : wrap(note, width - 2, 0)) {
				out.append("  ").append(l).append('\n');
			}
		}
		return out.toString();
	}

	/** Each column as wide as its widest cell, shrunk (widest first) until the race fits the width. */
	private int[] widths(Race race) {
		List<Race.Column> cols = race.columns();
		int[] w = new int[cols.size()];
		for (int c = 0; c < cols.size(); c++) {
			w[c] = cols.get(c).header().length();
			for (Race.Row r : race.rows()) {
				if (cols.get(c).thread().equals(r.thread())) {
					w[c] = Math.max(w[c], r.depth() * INDENT + r.cell().length());
				}
			}
		}
		int available = width - NUMBER - GAP.length() * Math.max(0, cols.size() - 1);
		while (sum(w) > available) {
			int widest = 0;
			for (int c = 1; c < w.length; c++) {
				if (w[c] > w[widest]) {
					widest = c;
				}
			}
			if (w[widest] <= MIN_COLUMN) {
				break;
			}
			w[widest]--;
		}
		return w;
	}

	private static int sum(int[] w) {
		int s = 0;
		for (int x : w) {
			s += x;
		}
		return s;
	}

	/** The cells side by side, over as many lines as the tallest needs. */
	private static void lines(StringBuilder out, String first, List<List<String>> cells, int[] w) {
		int height = 1;
		for (List<String> c : cells) {
			height = Math.max(height, c.size());
		}
		for (int l = 0; l < height; l++) {
			StringBuilder line = new StringBuilder(l == 0 ? first : " ".repeat(first.length()));
			for (int c = 0; c < cells.size(); c++) {
				String cell = l < cells.get(c).size() ? cells.get(c).get(l) : "";
				line.append(cell).append(" ".repeat(Math.max(0, w[c] - cell.length())));
				if (c < cells.size() - 1) {
					line.append(GAP);
				}
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
	}

	/**
	 * The text in lines of at most width characters, the first indented by indent, the others by two more; broken
	 * at spaces where it can, else inside a word (nothing is dropped).
	 */
	static List<String> wrap(String text, int width, int indent) {
		List<String> out = new ArrayList<>();
		String rest = text;
		String pad = " ".repeat(Math.min(indent, Math.max(0, width - MIN_COLUMN / 2)));
		while (true) {
			int room = Math.max(1, width - pad.length());
			if (rest.length() <= room) {
				out.add(pad + rest);
				return out;
			}
			int cut = rest.lastIndexOf(' ', room);
			if (cut <= 0) {
				cut = room;
			}
			out.add(pad + rest.substring(0, cut));
			rest = rest.substring(cut).stripLeading();
			if (out.size() == 1) {
				pad = pad + "  ";
			}
		}
	}
}
