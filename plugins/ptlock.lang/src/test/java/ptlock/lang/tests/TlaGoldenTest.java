package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.lang.load.LoadedSpec;
import ptlock.lang.load.SpecLoader;
import ptlock.lang.lower.Lowering;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;

/**
 * The generated TLA+ of small specs, compared whole with reviewed files: golden.ptl uses every micro-operation,
 * jumps.ptl the control flow of kernel C (goto forward and backward, break, continue, do-while, switch, constant
 * conditions). After a deliberate change of the generator, rewrite them with -Dptlock.golden.update=true and
 * review the diff.
 */
class TlaGoldenTest {
	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@Test
	void moduleMatchesGolden() throws IOException {
		matches("golden.ptl");
	}

	@Test
	void controlFlowMatchesGolden() throws IOException {
		matches("jumps.ptl");
	}

	private void matches(String file) throws IOException {
		LoadedSpec spec = new SpecLoader().load(GOLDEN.resolve(file));
		assertFalse(spec.hasErrors(), spec.issues().toString());
		Lowering.Result r = new Lowering().lower(spec.models(), spec.scenarios().get(0)).get(0);
		Program p = r.program();
		Set<String> all = new LinkedHashSet<>();
		p.properties().stream().map(Property::name).forEach(all::add);
		TlaModule m = new TlaGenerator().generate(p, all);
		check(m.name() + ".tla", m.tla());
		check(m.name() + ".cfg", m.cfg());
	}

	private static void check(String name, String actual) throws IOException {
		Path f = GOLDEN.resolve(name);
		if (Boolean.getBoolean("ptlock.golden.update")) {
			Files.writeString(f, actual);
		}
		assertEquals(Files.readString(f), actual, name + " differs from the golden file");
	}
}
