package ptlock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top of the command line: 'ptlock COMMAND'. Without a command it prints the usage on stderr and exits with
 * the usage code, as a mistyped command line should. The help and version options are inherited by every command.
 */
@Command(name = "ptlock", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = "Model-check page-table locking specs (.ptl) with the simulator and TLC.",
		footerHeading = "%nExit codes:%n",
		footer = { "  0   every property got the verdict the spec expects",
				"  1   some property got an unexpected verdict", "  2   the spec (or an imported file) has errors",
				"  3   the checker failed (crash, out of memory, a file error)",
				"  4   the time limit (--timeout) was reached, or the check was cancelled",
				"  5   conform: the simulator and TLC disagree",
				"  6   the model has no value somewhere (model_error)", "  64  bad command line",
				"%nSee README.md and docs/CI.md; 'ptlock help COMMAND' for one command." })
final class PtlockCommand extends Subcommand {
	@Spec
	CommandSpec spec;

	PtlockCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() {
		io.err().println("ptlock: a command is needed");
		spec.commandLine().usage(io.err());
		return ExitCode.USAGE;
	}
}
