package ptlock.report.race;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.tla.TlaNames;

/**
 * Which way a branch went: a step whose body chooses its next step by a condition ({@code if}, a loop test, a
 * {@code switch} case) went the way that leads to the program counter the state after it holds. A race shows it as
 * {@code if (!pte.table)  -> false}.
 */
final class Branches {
	private Branches() {
	}

	/**
	 * @param pcAfter the thread's program counter after the step, as TLA+ text ("\"s12\"", "\"Done\"")
	 * @return "true" or "false", or null where the step is no branch or both ways lead there
	 */
	static String outcome(Step step, String pcAfter) {
		if (pcAfter == null) {
			return null;
		}
		String pc = pcAfter.replace("\"", "");
		for (Stmt s : step.body()) {
			if (s instanceof Stmt.If f) {
				Set<String> then = targets(f.then()), otherwise = targets(f.otherwise());
				if (then.isEmpty() || otherwise.isEmpty() || then.equals(otherwise)) {
					continue;
				}
				boolean t = then.contains(pc), e = otherwise.contains(pc);
				if (t != e) {
					return t ? "true" : "false";
				}
			}
		}
		return null;
	}

	/** The program counters a list of statements may go to. */
	private static Set<String> targets(List<Stmt> body) {
		Set<String> out = new HashSet<>();
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Goto g -> out.add(TlaNames.pcValue(g.step()));
			case Stmt.Halt h -> out.add(TlaNames.DONE);
			case Stmt.If f -> {
				out.addAll(targets(f.then()));
				out.addAll(targets(f.otherwise()));
			}
			case Stmt.Either e -> e.branches().forEach(b -> out.addAll(targets(b)));
			default -> {
			}
			}
		}
		return out;
	}
}
