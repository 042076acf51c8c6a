package ptlock.report.sarif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * partialFingerprints: what keeps a result the same result across runs (code scanning matches alerts by it). Built
 * from names, never line numbers, so that editing another part of the spec does not turn an alert into a new one.
 */
final class Fingerprint {
	/** Versioned: a change of what goes in is a new key, not silently different values. */
	static final String KEY = "ptlock/v1";

	private Fingerprint() {
	}

	static Map<String, Object> of(String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String p : parts) {
			sb.append(p == null ? "" : p).append('\u0000');
		}
		try {
			byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
			return Map.of(KEY, HexFormat.of().formatHex(h, 0, 16));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
