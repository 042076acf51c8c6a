package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.ir.Program;
import ptlock.ir.Property;
import ptlock.tla.TlaGenerator;
import ptlock.tla.TlaModule;

/** ptlock tla SPEC: writes the TLA+ module and TLC configuration of each scenario (all properties checked). */
@Command(name = "tla", description = "Write the generated TLA+ module and .cfg of each scenario (every property"
		+ " checked) into DIR, and print their paths.")
final class TlaCommand extends Subcommand {
	@Parameters(paramLabel = "SPEC.ptl")
	Path file;
	@Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario")
	String scenario;
	@Option(names = "--out", paramLabel = "DIR", defaultValue = "ptlock-out/tla",
			description = "where to write them (default ${DEFAULT-VALUE})")
	Path dir;

	TlaCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws IOException {
		PrintStream out = io.out();
		List<Program> programs = new Specs(io).programs(file, scenario, io.err(), true);
		if (programs == null) {
			return ExitCode.SPEC_ERROR;
		}
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
