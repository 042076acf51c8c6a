package ptlock.cli;

import picocli.CommandLine.Option;
import ptlock.report.race.RaceText;

/**
 * --width: how wide a race is drawn. Nothing is cut at any width: cells wrap. Default: the terminal's width where
 * the shell exports COLUMNS, else {@link RaceText#DEFAULT_WIDTH}.
 */
final class RaceWidth {
	/** Below this, a race of two CPUs cannot keep a kernel line's start readable. */
	static final int MIN = 40;

	@Option(names = "--width", paramLabel = "N", converter = Count.class,
			description = "draw races N characters wide, wrapping long lines (default: $COLUMNS, else "
					+ RaceText.DEFAULT_WIDTH + "; at least " + MIN + ")")
	Integer width;

	int width() throws UsageException {
		if (width != null) {
			if (width < MIN) {
				throw new UsageException("--width needs at least " + MIN + ", not " + width);
			}
			return width;
		}
		String columns = System.getenv("COLUMNS");
		if (columns != null && columns.strip().matches("\\d{2,4}") && Integer.parseInt(columns.strip()) >= MIN) {
			return Integer.parseInt(columns.strip());
		}
		return RaceText.DEFAULT_WIDTH;
	}
}
