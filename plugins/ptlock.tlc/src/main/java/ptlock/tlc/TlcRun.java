package ptlock.tlc;

import java.util.List;

/** What one TLC process produced. */
/** @param peakRssKb the TLC JVM's peak resident memory (Linux /proc), 0 if unknown */
record TlcRun(List<ToolMessage> messages, int exitCode, End end, String stderr, long peakRssKb) {
	enum End {
		EXITED, TIMEOUT, CANCELLED
	}
}
