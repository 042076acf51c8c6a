package ptlock.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;

/**
 * The generated TLA+ of the seed scenarios, compared whole with reviewed files in src/test/resources/golden.
 * After a deliberate change of the generator, rewrite them with -Dptlock.golden.update=true and review the diff.
 */
class TlaGoldenTest {
	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@ParameterizedTest
	@ValueSource(strings = { "at_patch_08", "free_immediately", "free_deferred" })
	void seedModuleMatchesGolden(String scenario) throws IOException {
		Program p = LoweringTest.seed(scenario);
		Set<String> all = new LinkedHashSet<>();
		p.properties().stream().map(Property::name).forEach(all::add);
		TlaModule m = new TlaGenerator().generate(p, all);
		check(m.name() + ".tla", portable(m.tla()));
		check(m.name() + ".cfg", m.cfg());
	}

	/** Source paths in comments are relative to the repository root whatever the working directory. */
	private static String portable(String tla) {
		String root = Specs.root().toString() + "/";
		return tla.replace(root, "").replace("../../specs/", "specs/");
	}

	private static void check(String name, String actual) throws IOException {
		Path f = GOLDEN.resolve(name);
		if (Boolean.getBoolean("ptlock.golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.writeString(f, actual);
		}
		assertEquals(Files.readString(f), actual, name + " differs from the golden file");
	}
}
