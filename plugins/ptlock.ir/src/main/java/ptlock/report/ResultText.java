package ptlock.report;

import java.io.PrintStream;

import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Property;

/** Prints check results as text (a terminal, the Eclipse console): one line per property, then each counterexample as a race. */
public final class ResultText {
	private final RaceRenderer races;

	public ResultText() {
		this(ptlock.report.race.RaceText.DEFAULT_WIDTH);
	}

	/** @param width how wide races are drawn (they wrap, nothing is cut) */
	public ResultText(int width) {
		this.races = new RaceRenderer(width);
	}

	public void print(CheckResult r, PrintStream out) {
		Program prog = r.program();
		out.println("scenario " + prog.scenario() + (prog.arch() == null ? "" : " on " + prog.arch())
				+ (prog.patch() == null ? "" : " at patch " + prog.patch())
				+ (prog.doc() == null ? "" : ": " + prog.doc()));
		out.println("  " + r.stats().distinctStates() + " distinct states, depth " + r.stats().depth() + ", "
				+ r.stats().millis() + " ms (" + r.engine() + ")");
		if (r.stats().reduction() != null) {
			out.println("  " + r.stats().reduction());
		}
		if (r.status() != CheckStatus.COMPLETED) {
			out.println("  check " + r.status().name().toLowerCase(java.util.Locale.ROOT)
					+ (r.message() == null ? "" : ": " + r.message()));
		}
		java.util.Set<String> undecided = new java.util.LinkedHashSet<>();
		for (PropertyResult p : r.properties()) {
			String expected = p.expected() == null ? "no expectation" : "expected " + p.expected().code();
			out.printf("  %-22s %-9s %s%n", p.property(), p.verdict().code().toUpperCase(java.util.Locale.ROOT),
					p.asExpected() ? "as expected" : "UNEXPECTED (" + expected + ")");
			if (p.verdict() == ptlock.ir.Verdict.MODEL_ERROR && p.note() != null) {
				out.println("      " + p.note());
			} else if (p.verdict() == ptlock.ir.Verdict.UNKNOWN && p.note() != null) {
				undecided.add(p.note());
			}
		}
		// one line for what many undecided properties share (a model error leaves them all undecided)
		undecided.forEach(n -> out.println("  unknown: " + n));
		prog.ignored().forEach((name, reason) -> out.printf("  %-22s %-9s %s%n", name, "IGNORED", reason));
		for (PropertyResult p : r.properties()) {
			if (p.trace() != null) {
				Property prop = r.program().property(p.property());
				out.println();
				out.println("  counterexample for " + p.property()
						+ (prop != null && prop.doc() != null ? ": " + prop.doc() : ""));
				out.print(races.render(r.program(), p));
			}
		}
		out.println();
	}
}
