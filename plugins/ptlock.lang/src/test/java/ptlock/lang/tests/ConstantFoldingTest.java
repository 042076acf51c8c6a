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
import ptlock.ir.Program;
import ptlock.ir.Step;
import ptlock.ir.Stmt;
import ptlock.ir.Type;
import ptlock.ir.Var;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;

/**
 * Constant evaluation and folding (ConstEvaluator, Folding) give the values C would. Both engines take the folded
 * IR, so conformance cannot see a wrong fold; the mutation run (docs/TESTING.md) found these forms unchecked.
 */
class ConstantFoldingTest {
	@TempDir
	Path dir;

	private Program lower() throws IOException {
		Path f = Specs.write(dir, "k.ptl", """
				spec k;
				const FRAGMENTS = 2;
				const TABLES = 3;
				const PAGES = (TABLES + FRAGMENTS - 1) / FRAGMENTS; // pgtable.ptl's N_PT_PAGES: 2, rounded up
				const LAST = TABLES - FRAGMENTS;                     // 1
				var pages: bool[PAGES];
				var last: 0..LAST;
				var x: -3..3;
				var b: bool;
				path p() {
					if (FRAGMENTS > 2) x = 1;
					if (FRAGMENTS >= 2) x = -2;
					if (b == false) x = 3;
				}
				scenario s { thread cpu0 = p(); expect others holds; }
				""");
		LoadedSpec spec = new SpecLoader().load(f);
		assertFalse(spec.hasErrors(), spec.issues().toString());
		Lowering.Result r = new Lowering().lower(spec.models(), spec.scenarios().get(0)).get(0);
		assertTrue(r.ok(), r.diagnostics().toString());
		return r.program();
	}

	private static Type type(Program p, String name) {
		return p.globals().stream().filter(v -> v.name().equals(name)).map(Var::type).findFirst().orElseThrow();
	}

	@Test
	void constantsUseCIntegerArithmetic() throws IOException {
		Program p = lower();
		assertEquals(new Type.Array(new Type.Bool(), 2), type(p, "pages"), "(3 + 2 - 1) / 2");
		assertEquals(new Type.Range(0, 1), type(p, "last"), "3 - 2");
	}

	@Test
	void constantConditionsAndNegativeLiteralsFold() throws IOException {
		List<Stmt> all = new ArrayList<>();
		for (Step s : lower().thread("cpu0").steps()) {
			collect(s.body(), all);
		}
		List<Integer> written = all.stream().filter(s -> s instanceof Stmt.Assign a && a.value() instanceof Expr.IntLit)
				.map(s -> ((Expr.IntLit) ((Stmt.Assign) s).value()).value()).toList();
		// 2 > 2 is false: x = 1 is gone; 2 >= 2 is true: x = -2 stays, as the literal -2
		assertFalse(written.contains(1), all.toString());
		assertTrue(written.contains(-2), all.toString());
		// b == false is not b: the branch on b (a step of its own) tests a comparison or a negation of b
		Stmt.If branch = all.stream().filter(s -> s instanceof Stmt.If f && reads(f.cond(), "b")).map(s -> (Stmt.If) s)
				.findFirst().orElseThrow(() -> new AssertionError(all.toString()));
		assertFalse(branch.cond() instanceof Expr.VarRef, branch.toString());
	}

	private static boolean reads(Expr e, String var) {
		return switch (e) {
		case Expr.VarRef v -> v.var().name().equals(var);
		case Expr.Binary b -> reads(b.left(), var) || reads(b.right(), var);
		case Expr.Unary u -> reads(u.operand(), var);
		default -> false;
		};
	}

	private static void collect(List<Stmt> body, List<Stmt> out) {
		for (Stmt s : body) {
			out.add(s);
			if (s instanceof Stmt.If f) {
				collect(f.then(), out);
				collect(f.otherwise(), out);
			}
		}
	}
}
