package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.ir.Expr;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.ThreadIr;
import ptlock.lang.load.Issue;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.validation.IssueCodes;

/**
 * Kernel control flow lowered to steps: goto (forward and backward), break, continue, do-while, switch, and
 * constant conditions of every form folded away after parameter binding.
 */
class ControlFlowTest {
	private final SpecLoader loader = new SpecLoader();
	@TempDir
	Path dir;

	/** The steps of thread 'cpu0' running 'p(args)', with the path's body given. */
	private ThreadIr thread(String body, String args) throws IOException {
		LoadedSpec spec = loader.load(write(body, args));
		assertFalse(spec.hasErrors(), spec.issues().toString());
		Lowering.Result r = new Lowering().lower(spec.models(), spec.scenarios().get(0)).get(0);
		assertTrue(r.ok(), r.diagnostics().toString());
		return r.program().thread("cpu0");
	}

	private Path write(String body, String args) throws IOException {
		return Specs.write(dir, "c.ptl", """
				spec c;
				const K = 2;
				var x: 0..3;
				var y: 0..3;
				atomic prim get(): 0..3 { return x; }
				path p(a, b) {
				%s
				}
				scenario s { thread cpu0 = p(%s); expect others holds; }
				""".formatted(body, args));
	}

	private List<Issue> errors(String body) throws IOException {
		return loader.load(write(body, "true, false")).issues().stream()
				.filter(i -> i.severity() == Issue.Severity.ERROR).toList();
	}

	private static List<String> labels(ThreadIr t) {
		return t.steps().stream().map(Step::label).toList();
	}

	/** Every step id a step can go to next (0: the thread is done). */
	private static List<Integer> targets(Step s) {
		List<Integer> out = new ArrayList<>();
		collect(s.body(), out);
		return out;
	}

	private static void collect(List<Stmt> body, List<Integer> out) {
		for (Stmt s : body) {
			switch (s) {
			case Stmt.Goto g -> out.add(g.step());
			case Stmt.Halt h -> out.add(0);
			case Stmt.If f -> {
				collect(f.then(), out);
				collect(f.otherwise(), out);
			}
			case Stmt.Either e -> e.branches().forEach(b -> collect(b, out));
			default -> {
			}
			}
		}
	}

	private static Step step(ThreadIr t, String label) {
		return t.steps().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow(
				() -> new AssertionError("no step '" + label + "' in " + labels(t)));
	}

	@Test
	void gotoForwardSkipsToTheLabel() throws IOException {
		ThreadIr t = thread("""
				if (x == 1)
					goto out;
				x = 2;
				out:
				y = 1;""", "true, false");
		assertEquals(List.of("if (x == 1)", "y = 1;", "x = 2;"), labels(t));
		assertEquals(List.of(2, 3), targets(step(t, "if (x == 1)")));
		assertEquals(List.of(2), targets(step(t, "x = 2;")));
	}

	@Test
	void gotoBackwardIsARetryLoop() throws IOException {
		ThreadIr t = thread("""
				retry:
				x = get();
				if (x == 0)
					goto retry;
				y = x;""", "true, false");
		assertEquals(List.of("x = get();", "if (x == 0)", "y = x;"), labels(t));
		assertEquals(List.of(1, 3), targets(step(t, "if (x == 0)")));
	}

	@Test
	void breakAndContinueInWhileAndFor() throws IOException {
		ThreadIr t = thread("""
				while (true) {
					x = get();
					if (x == 1)
						continue;
					if (x == 2)
						break;
					y = 1;
				}
				for (i in 1..2) {
					if (y == i)
						continue;
					if (x == i)
						break;
					y = i;
				}
				y = 0;""", "true, false");
		assertEquals(List.of(1, 3), targets(step(t, "if (x == 1)")), labels(t).toString()); // continue: the head
		Step brk = step(t, "if (x == 2)");
		Step firstFor = t.step(targets(brk).get(0));
		assertEquals("if (y == i)", firstFor.label(), "break leaves the loop");
		// in the unrolled 'for', iteration 1's 'continue' goes to iteration 2, its 'break' past the loop
		List<Integer> cont = targets(firstFor);
		assertEquals("if (y == i)", t.step(cont.get(0)).label());
		assertFalse(cont.get(0) == firstFor.id());
	}

	@Test
	void doWhileRunsTheBodyFirstAndZeroIsNoStep() throws IOException {
		ThreadIr t = thread("""
				do {
					x = get();
				} while (x == 0);
				do {
					y = 1;
				} while (0);""", "true, false");
		assertEquals(List.of("x = get();", "while (x == 0)", "y = 1;"), labels(t));
		assertEquals(List.of(1, 3), targets(step(t, "while (x == 0)")));
	}

	@Test
	void switchFallsThroughUntilBreak() throws IOException {
		ThreadIr t = thread("""
				switch (get()) {
				case 0:
					x = 1;
				case 1:
					y = 1;
					break;
				default:
					y = 2;
				}
				x = 0;""", "true, false");
		Step sw = step(t, "switch (get())");
		assertEquals(3, targets(sw).size());
		assertEquals(List.of(step(t, "y = 1;").id()), targets(step(t, "x = 1;")), "case 0 falls through to case 1");
		assertEquals(List.of(step(t, "x = 0;").id()), targets(step(t, "y = 1;")), "break leaves the switch");
	}

	@Test
	void switchOnAConstantIsNoStep() throws IOException {
		ThreadIr t = thread("""
				switch (K) {
				case 1: x = 1; break;
				case 2: x = 2;
				default: y = 3;
				}""", "true, false");
		assertEquals(List.of("x = 2;", "y = 3;"), labels(t));
	}

	@Test
	void everyConstantConditionIsFoldedAfterBinding() throws IOException {
		// a = true, b = false: none of these tests is a step, whatever its form
		ThreadIr t = thread("""
				if (!a) x = 1;
				if (a && b) x = 2;
				if (a || b) y = 1;
				if (!a && !b) x = 3;
				if (K == 2 && !(b || K < 1)) y = 2;
				if (likely(a)) y = 3;
				while (b) x = 1;
				y = a ? 0 : 1;""", "true, false");
		assertEquals(List.of("y = 1;", "y = 2;", "y = 3;", "y = a ? 0 : 1;"), labels(t));
		Stmt.Assign last = (Stmt.Assign) step(t, "y = a ? 0 : 1;").body().get(0);
		assertEquals(new Expr.IntLit(0, last.value().type()), last.value());
	}

	@Test
	void aConditionOnStateStaysOneStepAndFoldsItsConstantPart() throws IOException {
		ThreadIr t = thread("""
				if (a && x == 1) y = 1;""", "true, false");
		Stmt.If test = (Stmt.If) step(t, "if (a && x == 1)").body().get(0);
		assertTrue(test.cond() instanceof Expr.Binary b && b.left() instanceof Expr.VarRef, test.cond().toString());
	}

	@Test
	void theRightOperandRunsOnlyWhenTheLeftDoesNotDecide() throws IOException {
		// C's short circuit: get() (a primitive) is evaluated only if x != 0
		ThreadIr t = thread("""
				if (x != 0 && get() == 1) y = 1;""", "true, false");
		List<Stmt> body = step(t, "if (x != 0 && get() == 1)").body();
		assertTrue(body.stream().anyMatch(s -> s instanceof Stmt.If f && f.otherwise().isEmpty()), body.toString());
	}

	@Test
	void compoundAssignmentsAndIncrements() throws IOException {
		ThreadIr t = thread("""
				x += 2;
				x--;
				WRITE_ONCE(y, READ_ONCE(x));""", "true, false");
		assertEquals(List.of("x += 2;", "x--;", "WRITE_ONCE(y, READ_ONCE(x));"), labels(t));
	}

	@Test
	void gotoInsideOneStepJumpsForward() throws IOException {
		LoadedSpec spec = loader.load(Specs.write(dir, "a.ptl", """
				spec a;
				var x: 0..3;
				atomic prim f(): 0..3 {
					if (x == 1)
						goto out;
					x = 2;
				out:
					return x;
				}
				path p() { var r: 0..3; r = f(); }
				scenario s { thread cpu0 = p(); expect others holds; }
				"""));
		assertFalse(spec.hasErrors(), spec.issues().toString());
		Step s = new Lowering().lower(spec.models(), spec.scenarios().get(0)).get(0).program().thread("cpu0").step(1);
		assertEquals(1, s.body().stream().filter(x -> x instanceof Stmt.If).count(), s.body().toString());
	}

	@Test
	void badJumpsAreErrorsWithTheirCodes() throws IOException {
		assertEquals(List.of(IssueCodes.UNKNOWN_LABEL), codes(errors("goto nowhere;")));
		assertEquals(List.of(IssueCodes.BAD_JUMP), codes(errors("break;")));
		assertEquals(List.of(IssueCodes.BAD_JUMP), codes(errors("if (x == 1) continue;")));
		assertEquals(List.of(IssueCodes.DUPLICATE_NAME), codes(errors("out: x = 1; out: y = 1;")));
		assertEquals(List.of(IssueCodes.LOOP_IN_ATOMIC), codes(errors("again: goto again;")));
		assertEquals(List.of(IssueCodes.LOOP_IN_ATOMIC), codes(errors("atomic { back: x = 1; goto back; }")));
	}

	private static List<String> codes(List<Issue> issues) {
		return issues.stream().map(Issue::code).toList();
	}
}
