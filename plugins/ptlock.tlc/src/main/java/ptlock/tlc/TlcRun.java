package ptlock.tlc;

import java.util.List;

/**
 * What one TLC run produced.
 *
 * @param peakRssKb the TLC JVM's peak resident memory (Linux /proc), 0 if unknown; of the server when distributed
 */
record TlcRun(List<ToolMessage> messages, int exitCode, End end, String stderr, long peakRssKb) {
	enum End {
		EXITED, TIMEOUT, CANCELLED,
		/** Distributed TLC: every worker was lost and none is left to go on with (the server was stopped). */
		WORKERS_LOST
	}
}
