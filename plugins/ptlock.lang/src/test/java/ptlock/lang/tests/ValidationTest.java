package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.lang.load.Issue;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.validation.IssueCodes;

/** The validator reports each kind of mistake with its stable code, on the line where it is. */
class ValidationTest {
	private static final String EXPECTS = """
				expect others holds;
			""";

	/** The first four lines of most test specs: the prelude and its parameters. */
	private static final String PREAMBLE = "spec t;\ninclude \"prelude.ptl\";\n"
			+ "const N_SLOTS = 1; const N_TABLES = 1;\nconst MAX_GEN = 1;\n";

	private final SpecLoader loader = new SpecLoader();
	@TempDir
	Path dir;

	/** A spec with one path whose body is given (the body starts on line 7). */
	private List<Issue> path(String body) throws IOException {
		return spec(PREAMBLE + """
				path p() {
					var ptl: 0..N_LOCKS;
				%s
				}
				scenario s {
					thread cpu0 = p();
				%s}
				""".formatted(body, EXPECTS));
	}

	/** A spec with declarations after the preamble (from line 5), then a path p with the given body and a scenario. */
	private List<Issue> declarationsAndPath(String declarations, String body) throws IOException {
		return spec(PREAMBLE + declarations + "path p() {\n" + body + "}\nscenario s {\n\tthread cpu0 = p();\n"
				+ EXPECTS + "}\n");
	}

	private List<Issue> spec(String text) throws IOException {
		Path f = Specs.write(dir, "t.ptl", text);
		return loader.validateText(f, text);
	}

	private static void assertIssue(List<Issue> issues, String code, int line) {
		assertTrue(issues.stream().anyMatch(i -> i.code().equals(code) && i.line() == line),
				"expected " + code + " on line " + line + " in " + issues);
	}

	@Test
	void correctSpecHasNoIssue() throws IOException {
		List<Issue> issues = path("\tspin_lock(1);\n\tspin_unlock(1);");
		assertEquals(List.of(), issues);
	}

	@Test
	void aPathWithNoStatementIsAnError() throws IOException {
		assertIssue(declarationsAndPath("", ""), IssueCodes.EMPTY_PATH, 5);
	}

	@Test
	void constantArithmeticThatOverflowsIsAnErrorAtTheConstant() throws IOException {
		// 65536 * 65536 = 2^32 wraps to 0 in Java's int: bool[BIG + 2] had 2 elements
		assertIssue(declarationsAndPath("const BIG = 65536 * 65536;\nvar flags: bool[BIG + 2];\n",
				"\tflags[1] = true;\n"), IssueCodes.NOT_CONSTANT, 5);
	}

	@Test
	void aLoopUnrolledTenMillionTimesIsALocatedErrorNotAHang() throws IOException {
		// 'for' loops are unrolled into steps: 10^7 of them once ran the JVM out of stack and memory
		assertIssue(path("\tfor (i in 1..10000000)\n\t\tptl = 1;"), IssueCodes.TOO_BIG, 7);
	}

	@Test
	void aSetOfElementsBeyondThirtyIsAnError() throws IOException {
		assertIssue(declarationsAndPath("var waiting: set of 0..40;\n", "\twaiting = {};\n"), IssueCodes.TYPE_MISMATCH,
				5);
	}

	@Test
	void unknownName() throws IOException {
		assertIssue(path("\ty = 1;"), IssueCodes.UNKNOWN_NAME, 7);
	}

	@Test
	void unknownPrimitive() throws IOException {
		assertIssue(path("\tfrobnicate(1);"), IssueCodes.UNKNOWN_PRIMITIVE, 7);
	}

	@Test
	void wrongNumberOfArguments() throws IOException {
		assertIssue(path("\tspin_lock(1, 2);"), IssueCodes.ARG_COUNT, 7);
	}

	@Test
	void typeMismatch() throws IOException {
		assertIssue(path("\tpmd[1] = RO;"), IssueCodes.TYPE_MISMATCH, 7);
	}

	@Test
	void constantsAreNotAssignable() throws IOException {
		assertIssue(path("\tN_TABLES = 2;"), IssueCodes.NOT_ASSIGNABLE, 7);
	}

	@Test
	void outParameterNeedsAddressOf() throws IOException {
		assertIssue(path("\tvar pte: PtePtr;\n\tpte = pte_offset_map_nolock(1, ptl);"), IssueCodes.NOT_ASSIGNABLE, 8);
	}

	@Test
	void assertOfAnUndeclaredProperty() throws IOException {
		assertIssue(path("\tassert(pmd[1] == 0) as nonsense;"), IssueCodes.UNKNOWN_PROPERTY, 7);
	}

	@Test
	void recursionIsRejected() throws IOException {
		assertIssue(path("\tp();"), IssueCodes.RECURSIVE_CALL, 7);
	}

	@Test
	void redeclaringAPreludeNameIsADuplicate() throws IOException {
		List<Issue> issues = spec(PREAMBLE + """
				var pmd: bool;
				""");
		assertIssue(issues, IssueCodes.DUPLICATE_NAME, 5);
	}

	@Test
	void aPreludeParameterMustBeDefined() throws IOException {
		List<Issue> issues = spec("""
				spec t;
				include "prelude.ptl";
				const MAX_GEN = 1; const N_SLOTS = 1;
				path p() { mmap_writer = 0; }
				scenario s {
					thread cpu0 = p();
				%s}
				""".formatted(EXPECTS));
		assertTrue(issues.stream().anyMatch(i -> i.code().equals(IssueCodes.NO_VALUE)), issues.toString());
	}

	@Test
	void missingExpectationIsAWarning() throws IOException {
		List<Issue> issues = spec(PREAMBLE + """
				path p() { mmap_writer = 0; }
				scenario s {
					thread cpu0 = p();
				}
				""");
		Issue w = issues.stream().filter(i -> i.code().equals(IssueCodes.MISSING_EXPECTATION)).findFirst()
				.orElseThrow();
		assertEquals(Issue.Severity.WARNING, w.severity());
		assertEquals(6, w.line());
	}

	@Test
	void expectationOfAnUnknownProperty() throws IOException {
		List<Issue> issues = spec(PREAMBLE + """
				path p() { mmap_writer = 0; }
				scenario s {
					thread cpu0 = p();
					expect no_such_thing holds;
				}
				""");
		assertIssue(issues, IssueCodes.UNKNOWN_PROPERTY, 8);
	}

	@Test
	void includeNotFound() throws IOException {
		assertIssue(spec("spec t;\ninclude \"nowhere.ptl\";\n"), IssueCodes.INCLUDE_NOT_FOUND, 2);
	}

	@Test
	void scenarioWithoutThreads() throws IOException {
		List<Issue> issues = spec(PREAMBLE + """
				scenario s {
				%s}
				""".formatted(EXPECTS));
		assertIssue(issues, IssueCodes.NO_THREADS, 5);
	}

	@Test
	void fileWithoutScenarioGetsANameCheck() throws IOException {
		List<Issue> issues = spec("""
				const X = 1;
				atomic prim f(a) {
					b = a;
				}
				""");
		assertIssue(issues, IssueCodes.UNKNOWN_NAME, 3);
	}

	@Test
	void namesOfArrayElementsAreCheckedAtTheirTag() throws IOException {
		// line 5: an unknown tag on a constant; line 6: @names of a variable that is no global array; line 7: more
		// names than the array has elements; line 8: a count that is no constant; line 9: good (no issue)
		List<Issue> issues = declarationsAndPath("""
				@colour("red") const C1 = 1;
				@names(nosuch, "a", 1) const C2 = 1;
				@names(cells, "a", 2, "b", 1) const C3 = 1;
				@names(cells, "a", NOSUCH) const C4 = 1;
				@names(cells, "cell", 2) const C5 = 1;
				var cells: bool[2];
				""", "\tcells[1] = true;\n");
		assertIssue(issues, IssueCodes.BAD_TAG, 5);
		assertIssue(issues, IssueCodes.BAD_TAG, 6);
		assertIssue(issues, IssueCodes.BAD_TAG, 7);
		assertTrue(issues.stream().anyMatch(i -> i.line() == 8), "the unknown count: " + issues);
		assertTrue(issues.stream().noneMatch(i -> i.line() == 9 || i.line() == 10), issues.toString());
	}
}
