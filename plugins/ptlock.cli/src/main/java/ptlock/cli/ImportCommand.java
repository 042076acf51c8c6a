package ptlock.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ptlock.model.imports.ImportException;
import ptlock.model.imports.MboxImporter;
import ptlock.model.imports.PatchworkPageImporter;
import ptlock.model.imports.SeriesStore;
import ptlock.model.series.FileChange;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;

/**
 * ptlock import FILE: a patchwork "mbox series" page saved as text, or an mbox ('git format-patch --cover-letter
 * --stdout', a lore thread download), into a Series model (XMI).
 */
@Command(name = "import", description = "Read a patchwork \"mbox series\" page saved as text, or an mbox ('git"
		+ " format-patch --cover-letter --stdout', a lore thread), into a Series model (XMI).")
final class ImportCommand extends Subcommand {
	@Parameters(paramLabel = "PAGE.txt|SERIES.mbox")
	Path in;
	@Option(names = "--out", paramLabel = "SERIES.xmi", description = "where to write it (default: the input's name"
			+ " with .xmi, in the current folder)")
	Path outFile;

	ImportCommand(Io io) {
		super(io);
	}

	@Override
	ExitCode run() throws IOException {
		PrintStream out = io.out();
		PrintStream err = io.err();
		if (!Files.isRegularFile(in)) {
			err.println(in + ":1:1: error: no such file [ptlock.file-not-found]");
			return ExitCode.SPEC_ERROR;
		}
		Path to = outFile != null ? outFile
				: Path.of(in.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".xmi");
		Series s;
		try {
			// an mbox's mails say their own charsets (and 8-bit ones often do not): the importer takes bytes
			byte[] bytes = Files.readAllBytes(in);
			s = MboxImporter.looksLikeMbox(bytes) ? new MboxImporter().read(bytes)
					: new PatchworkPageImporter().read(utf8(bytes));
		} catch (ImportException e) {
			err.println(in + ":" + Math.max(1, e.line()) + ":1: error: " + e.getMessage() + " [ptlock.import]");
			return ExitCode.SPEC_ERROR;
		} catch (java.nio.charset.CharacterCodingException e) {
			err.println(in + ":1:1: error: not UTF-8 text [ptlock.import]");
			return ExitCode.SPEC_ERROR;
		}
		try {
			new SeriesStore().save(s, to);
		} catch (IOException e) {
			// a file error like any other command's ("ptlock: PATH: reason", exit 3); the save goes through a
			// temporary file, so nothing is left half-written
			err.println("ptlock: " + CrashReport.fileError(e));
			return ExitCode.CHECKER_FAILURE;
		}
		int ins = s.getFiles().stream().mapToInt(FileChange::getInsertions).sum();
		int del = s.getFiles().stream().mapToInt(FileChange::getDeletions).sum();
		Map<String, Integer> reviewers = new TreeMap<>();
		for (ReviewComment c : s.getComments()) {
			reviewers.merge(c.getAuthor(), 1, Integer::sum);
		}
		out.printf("series \"%s\" v%d by %s (base %s, %s)%n", s.getSubject(), s.getVersion(), s.getAuthor(),
				s.getBase(), s.getMessageId());
		out.printf("  %d patches, %d files (+%d -%d), %d review comments %s%n", s.getPatches().size(),
				s.getFiles().size(), ins, del, s.getComments().size(), reviewers);
		s.getPatches().forEach(p -> out.printf("  %02d %s%n", p.getNumber(), p.getSubject()));
		out.println("written to " + to);
		return ExitCode.OK;
	}

	private static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
		return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
	}
}
