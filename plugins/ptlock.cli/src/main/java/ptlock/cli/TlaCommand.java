package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;

/** ptlock tla SPEC: writes the TLA+ module and TLC configuration of each scenario (all properties checked). */
final class TlaCommand {
	static final Set<String> FLAGS = Set.of();
	static final Set<String> VALUED = Set.of("scenario", "out");

	ExitCode run(Args a, PrintStream out, PrintStream err) throws Args.UsageException, IOException {
		List<Program> programs = new Specs().programs(Specs.onlySpec(a, "tla"), a.value("scenario", null), err,
				true);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
		Path dir = Path.of(a.value("out", "ptlock-out/tla"));
		Files.createDirectories(dir);
		for (Program p : programs) {
			Set<String> all = new LinkedHashSet<>();
			p.properties().stream().map(Property::name).forEach(all::add);
			TlaModule m = new TlaGenerator().generate(p, all);
			Path tla = dir.resolve(m.name() + ".tla");
			Files.writeString(tla, m.tla());
			Files.writeString(dir.resolve(m.name() + ".cfg"), m.cfg());
			out.println(tla);
		}
		return ExitCode.OK;
	}
}
