package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The ptlock command line (picocli). Each run is independent: no static state besides what the JVM gives. */
public final class Main {
	public static void main(String[] argv) {
		// Xtext's bundled log4j.properties logs a failing validator (an OutOfMemoryError) with its stack trace on the
		// console; the failure reaches the user as a located error instead (Specs)
		org.apache.log4j.LogManager.getRootLogger().setLevel(org.apache.log4j.Level.OFF);
		System.exit(run(Arrays.asList(argv), System.out, System.err).code);
	}

	public static ExitCode run(List<String> argv, PrintStream out, PrintStream err) {
		Io io = new Io(out, err, loadsSpecs(argv) ? Loaders.started() : Loaders.lazy());
		CommandLine cl = commandLine(io);
		PrintWriter errWriter = new PrintWriter(err, true);
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(errWriter);
		cl.setParameterExceptionHandler((e, args) -> usageError(e.getMessage(), e.getCommandLine(), e, io));
		cl.setExecutionExceptionHandler((e, sub, parsed) -> failure(e, sub, io).code);
		try {
			int code = cl.execute(argv.toArray(String[]::new));
			out.flush();
			return ExitCode.of(code);
		} catch (StackOverflowError | OutOfMemoryError e) {
			// picocli lets errors through: the same one top-level answer as for any other failure
			err.println(CrashReport.of(e));
			return ExitCode.CHECKER_FAILURE;
		}
	}

	/** The commands that read a spec: their Xtext start begins before the arguments are parsed. */
	private static final java.util.Set<String> SPEC_COMMANDS = java.util.Set.of("check", "conform", "matrix",
			"simulate", "replay", "bench", "tla");

	private static boolean loadsSpecs(List<String> argv) {
		return !argv.isEmpty() && SPEC_COMMANDS.contains(argv.get(0));
	}

	/** Every command, each a fresh instance that prints to io. */
	static CommandLine commandLine(Io io) {
		CommandLine cl = new CommandLine(new PtlockCommand(io));
		cl.addSubcommand(new CommandLine.HelpCommand());
		cl.addSubcommand(new CheckCommand(io));
		cl.addSubcommand(new ConformCommand(io));
		cl.addSubcommand(new MatrixCommand(io));
		cl.addSubcommand(new DiffMatrixCommand(io));
		cl.addSubcommand(new ImportCommand(io));
		cl.addSubcommand(new SimulateCommand(io));
		cl.addSubcommand(new ReplayCommand(io));
		cl.addSubcommand(new BenchCommand(io));
		cl.addSubcommand(new TlaCommand(io));
		cl.addSubcommand(new TlcWorkerCommand(io));
		CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
		completion.getCommandSpec().usageMessage().hidden(false);
		cl.addSubcommand("generate-completion", completion);
		cl.setCaseInsensitiveEnumValuesAllowed(true);
		return cl;
	}

	private static ExitCode failure(Exception e, CommandLine sub, Io io) {
		if (e instanceof UsageException u) {
			return ExitCode.of(usageError(u.getMessage(), sub, null, io));
		}
		if (e instanceof IOException f) {
			io.err().println("ptlock: " + CrashReport.fileError(f));
			return ExitCode.CHECKER_FAILURE;
		}
		// the one top-level handler: a located error was not possible, so say what happened, not how
		io.err().println(CrashReport.of(e));
		return ExitCode.CHECKER_FAILURE;
	}

	/** "ptlock: what is wrong", the closest matches of a mistyped name, and where the help is. */
	private static int usageError(String message, CommandLine cl, ParameterException e, Io io) {
		io.err().println("ptlock: " + message);
		if (e instanceof UnmatchedArgumentException u) {
			PrintWriter w = new PrintWriter(io.err(), true);
			UnmatchedArgumentException.printSuggestions(u, w);
			w.flush();
		}
		String name = cl.getCommandSpec().qualifiedName(" ");
		io.err().println("see '" + name + " --help'");
		return ExitCode.USAGE.code;
	}
}
